package io.shareflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class SealedFieldsTest {

    private static final String LINK = "http://localhost:8080/s/q3Zk1fVwS0m5yY2b7Jx9AgQ3Zk1fVwS0m5yY2b7Jx9A";
    private static final String SHARE = "5a0e0000-0000-4000-8000-000000000002";

    private final String oldKey = SealedFields.generateKeyList("old");
    private final String newKey = SealedFields.generateKeyList("new");

    @Test
    void opensWhatItSealedAndTheBytesRevealNothing() {
        SealedFields fields = SealedFields.fromKeyList(oldKey);
        byte[] sealed = fields.seal(LINK, SHARE);

        assertThat(fields.open(sealed, SHARE)).isEqualTo(LINK);
        String token = LINK.substring(LINK.lastIndexOf('/') + 1);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(token).doesNotContain("localhost");
        assertThat(HexFormat.of().formatHex(sealed)).doesNotContain(HexFormat.of().formatHex(token.getBytes()));
        assertThat(Base64.getEncoder().encodeToString(sealed)).doesNotContain(token);
    }

    @Test
    void everySealingHasItsOwnNonce() {
        SealedFields fields = SealedFields.fromKeyList(oldKey);
        assertThat(fields.seal(LINK, SHARE)).isNotEqualTo(fields.seal(LINK, SHARE));
    }

    @Test
    void theKeyIdTravelsInTheBytesSoARotatedListStillOpensOldValues() {
        byte[] sealedUnderOld = SealedFields.fromKeyList(oldKey).seal(LINK, SHARE);
        SealedFields rotated = SealedFields.fromKeyList(newKey + "," + oldKey);

        assertThat(rotated.currentKeyId()).isEqualTo("new");
        assertThat(rotated.open(sealedUnderOld, SHARE)).isEqualTo(LINK);
        assertThat(rotated.open(rotated.seal(LINK, SHARE), SHARE)).isEqualTo(LINK);
        assertThatThrownBy(() -> SealedFields.fromKeyList(oldKey).open(rotated.seal(LINK, SHARE), SHARE))
                .isInstanceOfSatisfying(SealedFieldException.class,
                        e -> assertThat(e.reason()).isEqualTo(SealedFieldException.Reason.UNKNOWN_KEY));
    }

    @Test
    void aChangedTruncatedOrMovedValueDoesNotOpen() {
        SealedFields fields = SealedFields.fromKeyList(oldKey);
        byte[] sealed = fields.seal(LINK, SHARE);

        byte[] flipped = sealed.clone();
        flipped[flipped.length - 1] ^= 1;
        assertReason(fields, flipped, SHARE, SealedFieldException.Reason.TAMPERED);
        assertReason(fields, sealed, "another-share", SealedFieldException.Reason.TAMPERED);
        assertReason(fields, Arrays.copyOf(sealed, 10), SHARE, SealedFieldException.Reason.TRUNCATED);
        assertReason(fields, new byte[0], SHARE, SealedFieldException.Reason.TRUNCATED);
        byte[] otherFormat = sealed.clone();
        otherFormat[0] = 7;
        assertReason(fields, otherFormat, SHARE, SealedFieldException.Reason.UNKNOWN_FORMAT);
    }

    @Test
    void aBadKeyListIsRefusedWithoutEchoingTheKey() {
        assertThatThrownBy(() -> SealedFields.fromKeyList(null)).hasMessageContaining(SealedFields.KEY_VARIABLE);
        assertThatThrownBy(() -> SealedFields.fromKeyList("nokey")).hasMessageContaining("id:base64key");
        assertThatThrownBy(() -> SealedFields.fromKeyList("k1:c2hvcnQ=")).hasMessageContaining("32 bytes")
                .hasMessageNotContaining("c2hvcnQ");
        assertThatThrownBy(() -> SealedFields.fromKeyList("k1:***not base64***")).hasMessageContaining("not base64");
        assertThatThrownBy(() -> SealedFields.fromKeyList(oldKey + "," + oldKey)).hasMessageContaining("twice");
        assertThat(SealedFields.fromKeyList(oldKey).toString()).doesNotContain(oldKey.substring(4));
    }

    private static void assertReason(SealedFields fields, byte[] sealed, String context, SealedFieldException.Reason reason) {
        assertThatThrownBy(() -> fields.open(sealed, context)).isInstanceOfSatisfying(SealedFieldException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
