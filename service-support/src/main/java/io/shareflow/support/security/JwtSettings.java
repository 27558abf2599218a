package io.shareflow.support.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How bearer tokens are verified ({@code shareflow.security.jwt.*}).
 *
 * <p>With {@code hmac-secret} set, tokens are HS256-signed with that raw UTF-8 string (local-stack, tests).
 * Without it, Boot's standard {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} /
 * {@code issuer-uri} are used (real deployments). If both are set, the HMAC secret wins.
 *
 * @param hmacSecret the shared HS256 secret; null or blank means "not set"; otherwise at least 32 bytes in
 *                   UTF-8 (HS256 needs a 256-bit key), else start-up fails
 * @param clockSkew  tolerance when checking {@code exp}/{@code nbf} of HMAC-verified tokens; default 60s,
 *                   null means the default
 * @param issuer     when set, a token's {@code iss} must equal it (env {@code SHAREFLOW_SECURITY_JWT_ISSUER}); null or
 *                   blank means "not checked". Applies to every decoder, HMAC or Boot's JWK set / issuer one
 * @param audience   when set, a token's {@code aud} must contain it (env {@code SHAREFLOW_SECURITY_JWT_AUDIENCE});
 *                   null or blank means "not checked"; every decoder, as {@code issuer}
 */
@ConfigurationProperties("shareflow.security.jwt")
public record JwtSettings(String hmacSecret, @DefaultValue("60s") Duration clockSkew, String issuer, String audience) {

    /** HS256 requires a key of at least 256 bits. */
    public static final int MIN_SECRET_BYTES = 32;

    public JwtSettings {
        if (hmacSecret != null && hmacSecret.isBlank()) {
            // An empty SHAREFLOW_SECURITY_JWT_HMAC_SECRET (e.g. from compose's ${VAR:-}) means "not set".
            hmacSecret = null;
        }
        if (hmacSecret != null) {
            int length = hmacSecret.getBytes(StandardCharsets.UTF_8).length;
            if (length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException("shareflow.security.jwt.hmac-secret (SHAREFLOW_SECURITY_JWT_HMAC_SECRET) must be"
                        + " at least " + MIN_SECRET_BYTES + " bytes in UTF-8 for HS256, but it is " + length + " bytes");
            }
        }
        issuer = blankToNull(issuer);
        audience = blankToNull(audience);
        if (clockSkew == null) {
            clockSkew = Duration.ofSeconds(60);
        }
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("shareflow.security.jwt.clock-skew must not be negative");
        }
    }

    /** An empty variable (compose's {@code ${VAR:-}}) is an unset one. */
    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** @return whether an HMAC secret is configured */
    public boolean hasHmacSecret() {
        return hmacSecret != null;
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "JwtSettings[hmacSecret=" + (hmacSecret == null ? "unset" : "***") + ", clockSkew=" + clockSkew + ", issuer=" + issuer
                + ", audience=" + audience + "]";
    }
}
