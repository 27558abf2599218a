package io.shareflow.api.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shareflow.api.ShareApiIntegrationSupport;
import io.shareflow.api.support.Caller;
import io.shareflow.testsupport.EmailAddressTable;
import io.shareflow.testsupport.HttpTestClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one e-mail rule over HTTP: every row of test-support's address table, as {@code recipientEmail} and as
 * {@code recipients[0].email} of {@code POST /v1/shares/{resourceId}}. A valid address is shared (202), an
 * invalid one is a 400 naming the field.
 */
class EmailAddressRuleIT extends ShareApiIntegrationSupport {

    private static final Caller SHARER = Caller.sharer();
    private static UUID resource;

    static List<EmailAddressTable.Row> rows() {
        return EmailAddressTable.rows();
    }

    @ParameterizedTest
    @MethodSource("rows")
    void recipientEmail(EmailAddressTable.Row row) {
        assertAnswer(row, Map.of("recipientEmail", row.address()), "recipientEmail");
    }

    @ParameterizedTest
    @MethodSource("rows")
    void anEntryOfRecipients(EmailAddressTable.Row row) {
        assertAnswer(row, Map.of("recipients", List.of(Map.of("email", row.address()))), "recipients[0].email");
    }

    private void assertAnswer(EmailAddressTable.Row row, Map<String, Object> body, String field) {
        HttpTestClient.Response response = api.post("/v1/shares/" + resource(), SHARER.token(), body);

        if (row.valid()) {
            assertThat(response.status()).as(row + ": " + response).isEqualTo(202);
            assertThat(response.data().get("shares").get(0).get("recipientEmail").asString()).isEqualTo(row.address());
        } else {
            assertThat(response.status()).as(row + ": " + response).isEqualTo(400);
            assertThat(response.error().get("errorCode").asString()).isEqualTo("BadRequest");
            assertThat(response.error().get("extension").get("field").asString()).as(response.toString())
                    .isEqualTo(field);
        }
    }

    /** One document for all rows (the context is shared; rows only add shares to it). */
    private synchronized UUID resource() {
        if (resource == null) {
            resource = createDocument(SHARER);
        }
        return resource;
    }
}
