package io.shareflow.api.page;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import io.shareflow.api.share.model.LinkToken;
import io.shareflow.schemas.SealedFieldException;
import io.shareflow.schemas.SealedFields;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The page's memory of a correct password: a cookie that says "this browser gave the right password for this link
 * until T". Its value is T, sealed (AES-GCM, authenticated) under the service's events seal key with the link's
 * token hash as associated data: it cannot be forged, moved to another link or extended, and it holds neither the
 * password nor the token. {@code HttpOnly}, {@code SameSite=Lax} (a click on the link in an e-mail still sends it),
 * {@code Path=/s/{token}} (no other page sees it), {@code Secure} on HTTPS, and {@link PageSettings#passwordProofTtl()}
 * long. All instances of share-api hold the same seal key, so any of them accepts it; a rotated key keeps old
 * proofs valid while the old key is still in the list.
 *
 * <p>It only tells {@code LinkOpener} that the password was given ({@code passwordProven}); whether that is
 * enough is the opener's decision.
 */
@Component
class PasswordProofs {

    static final String COOKIE = "shareflow_password";
    private static final String CONTEXT = "page-password-proof:";

    private final SealedFields seals;
    private final Clock clock;
    private final Duration ttl;

    PasswordProofs(SealedFields seals, Clock clock, PageSettings settings) {
        this.seals = seals;
        this.clock = clock;
        this.ttl = settings.passwordProofTtl();
    }

    /** The cookie that proves the password for {@code token} until {@link PageSettings#passwordProofTtl()} from now. */
    ResponseCookie issue(String token, boolean secure) {
        Instant until = clock.instant().plus(ttl);
        byte[] sealed = seals.seal(Long.toString(until.getEpochSecond()), context(token));
        return ResponseCookie.from(COOKIE, Base64.getUrlEncoder().withoutPadding().encodeToString(sealed))
                .httpOnly(true)
                .secure(secure)
                .sameSite("Lax")
                .path("/s/" + token)
                .maxAge(ttl)
                .build();
    }

    /** Whether the request carries a valid, unexpired proof for {@code token}. */
    boolean proven(String token, HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && valid(token, cookie.getValue())) {
                return true;
            }
        }
        return false;
    }

    private boolean valid(String token, String value) {
        try {
            String until = seals.open(Base64.getUrlDecoder().decode(value), context(token));
            return clock.instant().isBefore(Instant.ofEpochSecond(Long.parseLong(until)));
        } catch (SealedFieldException | IllegalArgumentException e) {
            // not base64, not ours, for another link, or tampered with: no proof
            return false;
        }
    }

    private static String context(String token) {
        return CONTEXT + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(LinkToken.sha256(token));
    }
}
