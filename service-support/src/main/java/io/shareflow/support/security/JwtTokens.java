package io.shareflow.support.security;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Issues HS256 bearer tokens with shareflow's claims, for tests and for the tokens local-stack prints and sets as its
 * session cookie. Services never issue tokens; they only verify them.
 *
 * <pre>{@code
 * JwtTokens tokens = JwtTokens.signedWith(secret).issuedBy("shareflow-local", "shareflow");
 * String bearer = tokens.issue(userId, orgId, "ada@example.com", "Ada", List.of("admin"), Duration.ofHours(1));
 * }</pre>
 *
 * Every token carries {@code exp} (the services refuse one without), and {@code iss}/{@code aud} when
 * {@link #issuedBy} named them, as services with {@code shareflow.security.jwt.issuer}/{@code audience} require.
 */
public final class JwtTokens {

    private final String hmacSecret;
    private final String issuer;
    private final String audience;

    private JwtTokens(String hmacSecret, String issuer, String audience) {
        this.hmacSecret = hmacSecret;
        this.issuer = issuer;
        this.audience = audience;
    }

    /**
     * Tokens without {@code iss} and {@code aud}, for services that check neither.
     *
     * @param hmacSecret the secret the services verify with ({@code shareflow.security.jwt.hmac-secret}); not null,
     *                   at least 32 bytes in UTF-8
     * @throws IllegalArgumentException if the secret is too short
     */
    public static JwtTokens signedWith(String hmacSecret) {
        Objects.requireNonNull(hmacSecret, "hmacSecret");
        if (hmacSecret.getBytes(StandardCharsets.UTF_8).length < JwtSettings.MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("Cannot sign with this HMAC secret: HS256 needs at least "
                    + JwtSettings.MIN_SECRET_BYTES + " bytes");
        }
        return new JwtTokens(hmacSecret, null, null);
    }

    /**
     * @param issuer   claim {@code iss} ({@code shareflow.security.jwt.issuer}); null leaves it out
     * @param audience claim {@code aud} ({@code shareflow.security.jwt.audience}); null leaves it out
     * @return tokens with the same secret that carry these claims; never null
     */
    public JwtTokens issuedBy(String issuer, String audience) {
        return new JwtTokens(hmacSecret, issuer, audience);
    }

    /**
     * @param userId claim {@code sub}; not null
     * @param orgId  claim {@code org}; not null
     * @param email  claim {@code email}; null leaves it out
     * @param name   claim {@code name}; null leaves it out
     * @param roles  claim {@code roles}; not null (may be empty), no null elements
     * @param ttl    lifetime from now; not null. Negative gives a token that expired that long ago (for tests)
     * @return the compact serialization ({@code header.payload.signature}), never null
     */
    public String issue(UUID userId, UUID orgId, String email, String name, List<String> roles, Duration ttl) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(ttl, "ttl");
        Instant now = Instant.now();
        Instant expiresAt = now.plus(ttl);
        // An expired test token must still have been issued before it expired, or decoders reject it as malformed.
        Instant issuedAt = ttl.isNegative() || ttl.isZero() ? expiresAt.minusSeconds(60) : now;
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .subject(userId.toString())
                .claim(Claims.ORGANIZATION, orgId.toString())
                .claim(Claims.ROLES, List.copyOf(roles))
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt));
        if (email != null) {
            claims.claim(Claims.EMAIL, email);
        }
        if (name != null) {
            claims.claim(Claims.NAME, name);
        }
        if (issuer != null) {
            claims.issuer(issuer);
        }
        if (audience != null) {
            claims.audience(audience);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims.build());
        try {
            jwt.sign(new MACSigner(hmacSecret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign with this HMAC secret: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    /**
     * A token for the given user; see {@link #issue(UUID, UUID, String, String, List, Duration)}.
     *
     * @param user not null
     */
    public String issue(CurrentUser user, Duration ttl) {
        return issue(user.userId(), user.organizationId(), user.email(), user.name(), List.copyOf(user.roles()), ttl);
    }

    /**
     * The claims of a token signed with this secret that has not expired, e.g. the session cookie local-stack set.
     *
     * @param token a compact serialization, or anything else; may be null
     * @return empty when it is not such a token; never null
     */
    public Optional<JWTClaimsSet> verified(String token) {
        if (token == null) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            boolean valid = jwt.verify(new MACVerifier(hmacSecret.getBytes(StandardCharsets.UTF_8)))
                    && claims.getExpirationTime() != null && claims.getExpirationTime().toInstant().isAfter(Instant.now());
            return valid ? Optional.of(claims) : Optional.empty();
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** @return the {@code iss} the tokens carry; null when none */
    public String issuer() {
        return issuer;
    }

    /** @return the {@code aud} the tokens carry; null when none */
    public String audience() {
        return audience;
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "JwtTokens[hmacSecret=***, issuer=" + issuer + ", audience=" + audience + "]";
    }
}
