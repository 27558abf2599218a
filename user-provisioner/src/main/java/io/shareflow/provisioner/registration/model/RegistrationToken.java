package io.shareflow.provisioner.registration.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * A freshly issued registration token. The token (256 random bits, URL-safe Base64) is the only
 * credential of a deactivated user, so it is handed out once and only its SHA-256 is stored.
 *
 * @param token     the secret, never null; never store or publish it
 * @param hash      {@link #hashOf(String) hashOf(token)}, what the database keeps
 * @param userId    the user it registers
 * @param expiresAt when it stops working
 */
public record RegistrationToken(String token, String hash, UUID userId, Instant expiresAt) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;

    public RegistrationToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public static RegistrationToken issue(UUID userId, Instant now, Duration validity) {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new RegistrationToken(token, hashOf(token), userId, now.plus(validity));
    }

    /** Lower-case hex SHA-256 of the token's UTF-8 bytes. */
    public static String hashOf(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "RegistrationToken[userId=" + userId + ", expiresAt=" + expiresAt + "]";
    }
}
