package io.shareflow.api.share.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The secret in a share's URL: 256 random bits, URL-safe base64 without padding (43 characters).
 * Only {@link #hash()} is stored, so a database dump cannot be used to open shares.
 */
public record LinkToken(String value) {

    private static final int BYTES = 32;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{" + Shape.MIN_LENGTH + "," + Shape.MAX_LENGTH + "}");

    /** What a presented token may look like: URL-safe base64 of 16 to 128 characters (ours are 43). */
    public static final class Shape {
        public static final int MIN_LENGTH = 16;
        public static final int MAX_LENGTH = 128;

        private Shape() {
        }
    }
    private static final SecureRandom RANDOM = new SecureRandom();

    public static LinkToken generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return new LinkToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /**
     * Whether a presented token has the shape of one: {@link Shape#MIN_LENGTH}..{@link Shape#MAX_LENGTH} characters
     * of URL-safe base64, no padding. Anything else cannot be a token, so it is not even looked up.
     */
    public static boolean isWellFormed(String token) {
        return token != null && SHAPE.matcher(token).matches();
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
