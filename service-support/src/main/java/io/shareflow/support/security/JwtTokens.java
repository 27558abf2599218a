package io.shareflow.support.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Issues HS256 bearer tokens with shareflow's claims, for tests and for the demo tokens local-stack prints.
 * Services never issue tokens; they only verify them.
 */
public final class JwtTokens {

    private JwtTokens() {
    }

    /**
     * @param hmacSecret the secret the services verify with ({@code shareflow.security.jwt.hmac-secret}); not null,
     *                   at least 32 bytes in UTF-8
     * @param userId     claim {@code sub}; not null
     * @param orgId      claim {@code org}; not null
     * @param email      claim {@code email}; null leaves it out
     * @param name       claim {@code name}; null leaves it out
     * @param roles      claim {@code roles}; not null (may be empty), no null elements
     * @param ttl        lifetime from now; not null. Negative gives a token that expired that long ago (for tests)
     * @return the compact serialization ({@code header.payload.signature}), never null
     * @throws IllegalArgumentException if the secret is too short
     */
    public static String issue(String hmacSecret, UUID userId, UUID orgId, String email, String name,
                               List<String> roles, Duration ttl) {
        Objects.requireNonNull(hmacSecret, "hmacSecret");
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
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims.build());
        try {
            jwt.sign(new MACSigner(hmacSecret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("Cannot sign with this HMAC secret (HS256 needs at least 32 bytes): " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    /**
     * A token for the given user; see {@link #issue(String, UUID, UUID, String, String, List, Duration)}.
     *
     * @param user not null
     */
    public static String issue(String hmacSecret, CurrentUser user, Duration ttl) {
        return issue(hmacSecret, user.userId(), user.organizationId(), user.email(), user.name(),
                List.copyOf(user.roles()), ttl);
    }
}
