package io.shareflow.api.page;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import io.shareflow.api.share.model.LinkToken;
import io.shareflow.schemas.SealedFieldException;
import io.shareflow.schemas.SealedFields;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The page's memory of a correct password: a cookie that says "this browser gave the right password for this link
 * until T". Its value is T and the link's password version (a digest of its stored hash), sealed (AES-GCM, authenticated) under the service's events seal key with the link's
 * token hash as associated data: it cannot be forged, moved to another link or extended, and it holds neither the
 * password nor the token. {@code HttpOnly}, {@code SameSite=Lax} (a click on the link in an e-mail still sends it),
 * {@code Path=/s/{token}} (no other page sees it), {@code Secure} on HTTPS, and {@link PageSettings#passwordProofTtl()}
 * long. All instances of share-api hold the same seal key, so any of them accepts it; a rotated key keeps old
 * proofs valid while the old key is still in the list.
 *
 * <p>It only tells {@code LinkOpener} which password was given ({@code passwordProof}); the opener accepts it only
 * while that is still the link's password, so a new password (PATCH) ends every proof of the old one at once.
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

    /**
     * The cookie that proves the password for {@code token} until {@link PageSettings#passwordProofTtl()} from now.
     *
     * @param passwordVersion the link's current password ({@code Opening.Opened#passwordVersion}): the proof holds only
     *                        while the link keeps it
     */
    ResponseCookie issue(String token, String passwordVersion, boolean secure) {
        Instant until = clock.instant().plus(ttl);
        byte[] sealed = seals.seal(until.getEpochSecond() + " " + passwordVersion, context(token));
        return ResponseCookie.from(COOKIE, Base64.getUrlEncoder().withoutPadding().encodeToString(sealed))
                .httpOnly(true)
                .secure(secure)
                .sameSite("Lax")
                .path("/s/" + token)
                .maxAge(ttl)
                .build();
    }

    /**
     * The password version a valid, unexpired proof for {@code token} in the request was issued for; empty when there
     * is none. Whether that is still the link's password is the opener's to check.
     */
    Optional<String> proven(String token, HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                Optional<String> version = valid(token, cookie.getValue());
                if (version.isPresent()) {
                    return version;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> valid(String token, String value) {
        try {
            String[] proof = seals.open(Base64.getUrlDecoder().decode(value), context(token)).split(" ", 2);
            if (proof.length != 2 || !clock.instant().isBefore(Instant.ofEpochSecond(Long.parseLong(proof[0])))) {
                return Optional.empty();
            }
            return Optional.of(proof[1]);
        } catch (SealedFieldException | IllegalArgumentException e) {
            // not base64, not ours, for another link, or tampered with: no proof
            return Optional.empty();
        }
    }

    private static String context(String token) {
        return CONTEXT + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(LinkToken.sha256(token));
    }
}
