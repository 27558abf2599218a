package io.shareflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class SealContextsTest {

    private static final UUID ID = UUID.fromString("4ec10000-0000-4000-8000-000000000006");

    @Test
    void aShareLinkIsSealedUnderItsShareIdAndARegistrationLinkUnderItsUser() {
        assertThat(SealContexts.shareLink(ID)).isEqualTo("4ec10000-0000-4000-8000-000000000006");
        assertThat(SealContexts.registrationLink(ID)).isEqualTo("registration/4ec10000-0000-4000-8000-000000000006");
    }

    @Test
    void aRegistrationLinkDoesNotOpenAsAShareLinkOfTheSameIdNorAsAnotherUsers() {
        SealedFields fields = SealedFields.fromKeyList(SealedFields.generateKeyList("k1"));
        byte[] sealed = fields.seal("http://localhost:8081/register/abc", SealContexts.registrationLink(ID));

        assertThat(fields.open(sealed, SealContexts.registrationLink(ID))).isEqualTo("http://localhost:8081/register/abc");
        assertThatThrownBy(() -> fields.open(sealed, SealContexts.shareLink(ID)))
                .isInstanceOf(SealedFieldException.class);
        assertThatThrownBy(() -> fields.open(sealed, SealContexts.registrationLink(UUID.randomUUID())))
                .isInstanceOf(SealedFieldException.class);
    }
}
