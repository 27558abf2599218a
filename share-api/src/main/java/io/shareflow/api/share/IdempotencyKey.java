package io.shareflow.api.share;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.shareflow.domain.InvalidRequest;

/**
 * A client's {@code Idempotency-Key}, scoped to the user who sent it (two users may pick the same key).
 *
 * <p>The stored response of a share request holds the link tokens, which are otherwise only stored
 * as hashes. So the key itself is not stored either: rows are found by {@link #lookupHash()}, and
 * the response is sealed (AES-256-GCM) with a key derived from the Idempotency-Key, which only the
 * client knows. A database dump alone therefore does not reveal the tokens of recent requests.
 */
final class IdempotencyKey {

    static final String HEADER = "Idempotency-Key";
    private static final int MAX_LENGTH = 255;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String scoped;

    private IdempotencyKey(String scoped) {
        this.scoped = scoped;
    }

    /**
     * @param key the header's value: 1 to 255 visible ASCII characters
     * @throws InvalidRequest naming the header otherwise
     */
    static IdempotencyKey of(UUID organizationId, UUID userId, String key) {
        if (key.isEmpty() || key.length() > MAX_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidRequest(HEADER, "must be 1 to " + MAX_LENGTH + " visible ASCII characters");
        }
        return new IdempotencyKey(organizationId + "\u0000" + userId + "\u0000" + key);
    }

    /** What the stored request is found by. */
    byte[] lookupHash() {
        return sha256("shareflow idempotency lookup\u0000" + scoped);
    }

    byte[] seal(byte[] plaintext) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, iv, plaintext, 0, plaintext.length);
        return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
    }

    byte[] open(byte[] sealed) {
        byte[] iv = new byte[IV_BYTES];
        System.arraycopy(sealed, 0, iv, 0, IV_BYTES);
        return crypt(Cipher.DECRYPT_MODE, iv, sealed, IV_BYTES, sealed.length - IV_BYTES);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private byte[] crypt(int mode, byte[] iv, byte[] input, int offset, int length) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(sha256("shareflow idempotency response\u0000" + scoped), "AES"),
                    new GCMParameterSpec(TAG_BITS, iv));
            return cipher.doFinal(input, offset, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not " + (mode == Cipher.ENCRYPT_MODE ? "seal" : "open")
                    + " an idempotent response", e);
        }
    }

    @Override
    public String toString() {
        return "IdempotencyKey[***]";
    }
}
