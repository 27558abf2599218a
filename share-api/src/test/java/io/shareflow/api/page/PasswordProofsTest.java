package io.shareflow.api.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import io.shareflow.api.share.model.LinkToken;
import io.shareflow.schemas.SealedFields;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.http.ResponseCookie;
import org.springframework.mock.web.MockHttpServletRequest;

/** The page's proof of a right password: bound to one link, short-lived, unforgeable, and neither password nor token. */
class PasswordProofsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final SealedFields SEALS = SealedFields.fromKeyList(SealedFields.generateKeyList("k1"));
    private static final PageSettings SETTINGS = new PageSettings("http://localhost:8080", null, Duration.ofMinutes(30));

    private static final String VERSION = "pw-version-1";

    private final String token = LinkToken.generate().value();

    @Test
    void aProofIsAnHttpOnlyLaxCookieScopedToTheLinksPageForTheConfiguredTime() {
        ResponseCookie cookie = proofs(NOW).issue(token, VERSION, true);
        assertThat(cookie.getName()).isEqualTo(PasswordProofs.COOKIE);
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.isSecure()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Lax");
        assertThat(cookie.getPath()).isEqualTo("/s/" + token);
        assertThat(cookie.getMaxAge()).isEqualTo(Duration.ofMinutes(30));
        assertThat(cookie.getValue()).doesNotContain(token)
                .doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(LinkToken.sha256(token)));
        assertThat(proofs(NOW).issue(token, VERSION, false).isSecure()).isFalse();
    }

    @Test
    void provesThePasswordForItsLinkUntilItExpires() {
        String value = proofs(NOW).issue(token, VERSION, true).getValue();
        assertThat(proofs(NOW.plusSeconds(60)).proven(token, requestWith(value))).contains(VERSION);
        assertThat(proofs(NOW.plus(Duration.ofMinutes(30)).minusSeconds(1)).proven(token, requestWith(value)))
                .contains(VERSION);
        assertThat(proofs(NOW.plus(Duration.ofMinutes(30))).proven(token, requestWith(value))).isEmpty();
    }

    @Test
    void provesNothingForAnotherLinkUnderAnotherKeyOrWhenChanged() {
        String value = proofs(NOW).issue(token, VERSION, true).getValue();
        assertThat(proofs(NOW).proven(LinkToken.generate().value(), requestWith(value))).isEmpty();

        PasswordProofs otherKey = new PasswordProofs(SealedFields.fromKeyList(SealedFields.generateKeyList("k1")),
                Clock.fixed(NOW, ZoneOffset.UTC), SETTINGS);
        assertThat(otherKey.proven(token, requestWith(value))).isEmpty();

        byte[] bytes = Base64.getUrlDecoder().decode(value);
        bytes[bytes.length - 1] ^= 1;
        assertThat(proofs(NOW).proven(token, requestWith(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))))
                .isEmpty();
        assertThat(proofs(NOW).proven(token, requestWith("not base64 !"))).isEmpty();
        assertThat(proofs(NOW).proven(token, requestWith(""))).isEmpty();
        assertThat(proofs(NOW).proven(token, new MockHttpServletRequest())).isEmpty();
    }

    @Test
    void aProofUnderAKeyStillInTheListHoldsAfterRotation() {
        String old = SealedFields.generateKeyList("old");
        String value = new PasswordProofs(SealedFields.fromKeyList(old), Clock.fixed(NOW, ZoneOffset.UTC), SETTINGS)
                .issue(token, VERSION, true).getValue();
        PasswordProofs rotated = new PasswordProofs(SealedFields.fromKeyList(SealedFields.generateKeyList("new") + "," + old),
                Clock.fixed(NOW, ZoneOffset.UTC), SETTINGS);
        assertThat(rotated.proven(token, requestWith(value))).contains(VERSION);
    }

    private static PasswordProofs proofs(Instant now) {
        return new PasswordProofs(SEALS, Clock.fixed(now, ZoneOffset.UTC), SETTINGS);
    }

    private static MockHttpServletRequest requestWith(String value) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setCookies(new Cookie("other", "x"), new Cookie(PasswordProofs.COOKIE, value));
        return request;
    }
}
