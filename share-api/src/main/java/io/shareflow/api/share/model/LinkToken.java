package io.shareflow.api.share.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret in a share's URL: 256 random bits, URL-safe base64 without padding (43 characters).
 * Only {@link #hash()} is stored, so a database dump cannot be used to open shares.
 */
public record LinkToken(String value) {

    private static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    public static LinkToken generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return new LinkToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** SHA-256 of the token's text. */
    public byte[] hash() {
        return sha256(value);
    }

    /** SHA-256 of a token's text, e.g. of one presented in a URL. */
    public static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Never the secret itself, so a token cannot leak through a log line. */
    @Override
    public String toString() {
        return "LinkToken[***]";
    }
}
