package io.shareflow.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import io.shareflow.api.share.model.LinkToken;
import org.junit.jupiter.api.Test;

class TokenFormsTest {

    private final String token = LinkToken.generate().value();
    private final byte[] bytes = Base64.getUrlDecoder().decode(token);
    private final TokenForms forms = TokenForms.of(token);

    @Test
    void findsTheTokenInEveryForm() {
        assertThat(forms.foundIn("url https://x/s/" + token + " end")).isPresent();
        assertThat(forms.foundIn("{\"b\":\"" + Base64.getEncoder().encodeToString(bytes) + "\"}")).isPresent();
        assertThat(forms.foundIn(Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.US_ASCII))))
                .isPresent();
        assertThat(forms.foundIn(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(token.getBytes(StandardCharsets.US_ASCII)))).isPresent();
        assertThat(forms.foundIn("\\x" + HexFormat.of().withUpperCase().formatHex(bytes))).isPresent();
        assertThat(forms.foundIn("\\x00" + HexFormat.of().formatHex(token.getBytes(StandardCharsets.US_ASCII))))
                .isPresent();
        byte[] embedded = new byte[bytes.length + 4];
        System.arraycopy(bytes, 0, embedded, 2, bytes.length);
        assertThat(forms.foundIn(embedded)).contains("hex of the token's bytes");
        assertThat(forms.foundIn(("x" + token).getBytes(StandardCharsets.UTF_8))).contains("raw");
        assertThat(forms.forms()).hasSize(11);
    }

    @Test
    void findsNothingElse() {
        assertThat(forms.foundIn(LinkToken.generate().value())).isEmpty();
        assertThat(forms.foundIn(token.substring(1))).isEmpty();
        assertThat(forms.foundIn(new byte[64])).isEmpty();
    }
}
