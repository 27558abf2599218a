package io.shareflow.schemas;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals and opens the credentials an event must carry (a share link, a registration link): AES-256-GCM with a
 * random 96-bit nonce, under a key that only the producer and share-notifier hold. Every other consumer of the
 * topic sees opaque bytes.
 *
 * <p>Keys come from one setting, {@code SHAREFLOW_EVENTS_SEAL_KEY}: {@code id:base64key[,id:base64key…]}. The first
 * key is the current one (it seals); all of them open, so a key can be rotated without losing events in flight:
 * put a new key first, keep the old one after it until every event sealed under it has been consumed. A key id is
 * 1–32 characters of {@code [A-Za-z0-9._-]}; a key is 32 bytes in standard or URL-safe base64.
 *
 * <p>Sealed bytes: {@code 0x01} (format version) · key id length (1 byte) · key id (ASCII) · nonce (12 bytes) ·
 * ciphertext with the 16-byte GCM tag. The format byte, the key id and the caller's {@code context} (e.g. the
 * share id) are authenticated as associated data, so a sealed value copied into another share's event does not
 * open. Instances are immutable and thread-safe; {@link #toString()} never shows a key.
 */
public final class SealedFields {

    /** The setting's environment variable. */
    public static final String KEY_VARIABLE = "SHAREFLOW_EVENTS_SEAL_KEY";

    private static final byte FORMAT = 0x01;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentKeyId;
    private final Map<String, SecretKey> keys;

    private SealedFields(String currentKeyId, Map<String, SecretKey> keys) {
        this.currentKeyId = currentKeyId;
        this.keys = Collections.unmodifiableMap(keys);
    }

    /**
     * @param keyList {@code id:base64key[,id:base64key…]}, the first being the current key
     * @throws IllegalArgumentException naming what is wrong (never echoing a key)
     */
    public static SealedFields fromKeyList(String keyList) {
        if (keyList == null || keyList.isBlank()) {
            throw new IllegalArgumentException(KEY_VARIABLE + " is not set: give id:base64key[,id:base64key...]"
                    + " with a 32-byte key, e.g. k1:$(openssl rand -base64 32)");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        String current = null;
        for (String entry : keyList.split(",")) {
            String trimmed = entry.strip();
            int colon = trimmed.indexOf(':');
            String id = colon < 0 ? "" : trimmed.substring(0, colon);
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException(KEY_VARIABLE + ": each entry must be id:base64key with an id of 1 to 32"
                        + " characters [A-Za-z0-9._-]");
            }
            byte[] key = decode(id, trimmed.substring(colon + 1));
            if (keys.put(id, new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalArgumentException(KEY_VARIABLE + ": key id " + id + " is given twice");
            }
            if (current == null) {
                current = id;
            }
        }
        return new SealedFields(current, keys);
    }

    /** A fresh random key list of one key, {@code id:base64key}, e.g. for local-stack. */
    public static String generateKeyList(String id) {
        if (!KEY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("key id must be 1 to 32 characters [A-Za-z0-9._-]");
        }
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return id + ":" + Base64.getEncoder().encodeToString(key);
    }

    /** The id of the key that seals. */
    public String currentKeyId() {
        return currentKeyId;
    }

    /**
     * @param plaintext the credential, e.g. a share URL; not null
     * @param context   what the value belongs to (e.g. the share id); the same context must be given to open it
     */
    public byte[] seal(String plaintext, String context) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] id = currentKeyId.getBytes(StandardCharsets.US_ASCII);
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] plain = plaintext.getBytes(StandardCharsets.UTF_8);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), nonce, associatedData(id, context),
                plain, 0, plain.length);
        return ByteBuffer.allocate(2 + id.length + NONCE_BYTES + sealed.length)
                .put(FORMAT).put((byte) id.length).put(id).put(nonce).put(sealed).array();
    }

    /**
     * @throws SealedFieldException when the value is not sealed bytes of this format, is truncated, names a key
     *                              this instance does not hold, or was changed (or sealed for another context)
     */
    public String open(byte[] sealed, String context) {
        if (sealed == null || sealed.length < 2) {
            throw new SealedFieldException(SealedFieldException.Reason.TRUNCATED, "the sealed value is empty or truncated");
        }
        if (sealed[0] != FORMAT) {
            throw new SealedFieldException(SealedFieldException.Reason.UNKNOWN_FORMAT,
                    "the sealed value has an unknown format version " + (sealed[0] & 0xff));
        }
        int idLength = sealed[1] & 0xff;
        int headerLength = 2 + idLength + NONCE_BYTES;
        if (idLength == 0 || sealed.length < headerLength + TAG_BITS / 8) {
            throw new SealedFieldException(SealedFieldException.Reason.TRUNCATED, "the sealed value is truncated");
        }
        byte[] id = new byte[idLength];
        System.arraycopy(sealed, 2, id, 0, idLength);
        String keyId = new String(id, StandardCharsets.US_ASCII);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new SealedFieldException(SealedFieldException.Reason.UNKNOWN_KEY,
                    "the sealed value names key id " + (KEY_ID.matcher(keyId).matches() ? keyId : "(invalid)")
                            + ", which is not in " + KEY_VARIABLE);
        }
        byte[] nonce = new byte[NONCE_BYTES];
        System.arraycopy(sealed, 2 + idLength, nonce, 0, NONCE_BYTES);
        byte[] plain = crypt(Cipher.DECRYPT_MODE, key, nonce, associatedData(id, context), sealed, headerLength,
                sealed.length - headerLength);
        return new String(plain, StandardCharsets.UTF_8);
    }

    private static byte[] associatedData(byte[] keyId, String context) {
        byte[] contextBytes = Objects.requireNonNull(context, "context").getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + 1 + keyId.length + contextBytes.length)
                .put(FORMAT).put((byte) keyId.length).put(keyId).put(contextBytes).array();
    }

    private static byte[] crypt(int mode, SecretKey key, byte[] nonce, byte[] associatedData, byte[] input, int offset,
                                int length) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(input, offset, length);
        } catch (AEADBadTagException e) {
            throw new SealedFieldException(SealedFieldException.Reason.TAMPERED,
                    "the sealed value does not open: it was changed, or sealed for another context or key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is part of every Java runtime", e);
        }
    }

    private static byte[] decode(String id, String base64) {
        byte[] key;
        try {
            key = base64.contains("-") || base64.contains("_")
                    ? Base64.getUrlDecoder().decode(base64.strip()) : Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(KEY_VARIABLE + ": the key of id " + id + " is not base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(KEY_VARIABLE + ": the key of id " + id + " must be 32 bytes (AES-256), not "
                    + key.length);
        }
        return key;
    }

    @Override
    public String toString() {
        return "SealedFields[current=" + currentKeyId + ", keys=" + keys.keySet() + "]";
    }
}
