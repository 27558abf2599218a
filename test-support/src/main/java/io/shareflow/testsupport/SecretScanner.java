package io.shareflow.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Looks for secrets (link tokens) in what a dump holds, in every encoding a careless implementation might store
 * them in: the token's text as it is; base64 of its text and, when the token is itself base64 (share-api's are
 * URL-safe base64 of 32 random bytes), the decoded bytes raw and in base64 — standard and URL-safe alphabets, with
 * and without padding, and also as part of a longer base64 text (the token inside a larger value that was encoded
 * as a whole, at each of the three byte offsets modulo 3) — and hex of text and bytes, lower, upper and any
 * (mixed) case.
 *
 * <p>Used the same way by every test that looks at what a dump holds: local-stack's whole-system dump, share-api's
 * database and topic dump, the notifier's send-log rows. {@link #of} for one token, {@link #findIn} to ask about
 * one haystack, {@link #scan} to go through a whole dump and collect the {@link #findings()}.
 *
 * <p>Every needle is at least 16 bytes of a random secret (share-api's tokens are 256 bits), so a finding is never
 * a coincidence. Not thread-safe: one scanner per dump.
 */
public final class SecretScanner {

    /**
     * One way a secret could be written down: its {@code needle} bytes, and the names of the encodings that give
     * them (several when they coincide, e.g. the token's text and URL-safe base64 of its bytes); {@code anyCase}:
     * the needle (lower-case hex) is matched ASCII case-insensitively.
     */
    public record Form(String secret, List<String> encodings, byte[] needle, boolean anyCase) {
    }

    /** A secret found in one value: which one, in which encodings (all that match), where. */
    public record Finding(String secret, List<String> encodings, String where) {

        public boolean isIn(String encoding) {
            return encodings.contains(encoding);
        }

        @Override
        public String toString() {
            return secret + " in " + where + ", as " + String.join(" / ", encodings);
        }
    }

    private static final int MIN_SECRET_LENGTH = 16;

    /** The label of the secret of a scanner made by {@link #of}. */
    public static final String THE_TOKEN = "the token";

    private final List<Form> forms = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private long items;
    private long bytes;

    /** @param secrets a label for each (e.g. "the token of share …") → the secret, at least 16 characters */
    public SecretScanner(Map<String, String> secrets) {
        secrets.forEach((label, secret) -> {
            if (secret.length() < MIN_SECRET_LENGTH) {
                throw new IllegalArgumentException(label + " is too short to be searched for without false alarms");
            }
            formsOf(secret).forEach(form -> forms.add(new Form(label, form.encodings(), form.needle(),
                    form.anyCase())));
        });
    }

    /** A scanner for one secret, labelled {@link #THE_TOKEN}. */
    public static SecretScanner of(String token) {
        return new SecretScanner(Map.of(THE_TOKEN, token));
    }

    /** The token of a share URL {@code …/s/{token}}. */
    public static String tokenOf(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /**
     * The secrets in one value, without counting it nor keeping the findings; {@code where} says where it is, for
     * the findings. Null is nothing.
     */
    public List<Finding> findIn(String where, byte[] data) {
        if (data == null) {
            return List.of();
        }
        byte[] lowerCase = null;
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (Form form : forms) {
            byte[] haystack = data;
            if (form.anyCase()) {
                if (lowerCase == null) {
                    lowerCase = asciiLowerCase(data);
                }
                haystack = lowerCase;
            }
            if (indexOf(haystack, form.needle()) >= 0) {
                found.computeIfAbsent(form.secret(), secret -> new ArrayList<>()).addAll(form.encodings());
            }
        }
        List<Finding> in = new ArrayList<>();
        found.forEach((secret, encodings) -> in.add(new Finding(secret, List.copyOf(encodings), where)));
        return List.copyOf(in);
    }

    /** {@link #findIn(String, byte[])} of the text's UTF-8 bytes. */
    public List<Finding> findIn(String where, String text) {
        return text == null ? List.of() : findIn(where, text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #findIn(String, byte[])}, where it is not worth saying. */
    public List<Finding> findIn(byte[] data) {
        return findIn("the value", data);
    }

    public List<Finding> findIn(String text) {
        return findIn("the value", text);
    }

    /** Scans one value of the dump; {@code where} says where it is, for the findings. Null is nothing. */
    public void scan(String where, byte[] data) {
        if (data == null) {
            return;
        }
        items++;
        bytes += data.length;
        findings.addAll(findIn(where, data));
    }

    public void scan(String where, String text) {
        if (text != null) {
            scan(where, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    /** Findings of one secret. */
    public List<Finding> findingsOf(String secret) {
        return findings.stream().filter(f -> f.secret().equals(secret)).toList();
    }

    /** Values scanned so far (cells, record keys, values, header values). */
    public long items() {
        return items;
    }

    public long bytes() {
        return bytes;
    }

    /** The distinct needles of one secret, each with the names of the encodings that give it. */
    public static List<Form> formsOf(String secret) {
        Map<String, byte[]> forms = new LinkedHashMap<>();
        byte[] text = secret.getBytes(StandardCharsets.UTF_8);
        forms.put("its text", text);
        byte[] decoded = decodeBase64(secret);
        if (decoded != null) {
            forms.put("its decoded bytes, raw", decoded);
            encodings("its decoded bytes", decoded, forms);
        }
        encodings("its text", text, forms);
        List<Form> distinct = new ArrayList<>();
        forms.forEach((name, needle) -> {
            boolean anyCase = name.startsWith(ANY_CASE_HEX);
            for (int i = 0; i < distinct.size(); i++) {
                Form form = distinct.get(i);
                if (form.anyCase() == anyCase && Arrays.equals(form.needle(), needle)) {
                    List<String> names = new ArrayList<>(form.encodings());
                    names.add(name);
                    distinct.set(i, new Form(secret, List.copyOf(names), needle, anyCase));
                    return;
                }
            }
            distinct.add(new Form(secret, List.of(name), needle, anyCase));
        });
        return distinct;
    }

    private static final String ANY_CASE_HEX = "hex (any case) of ";

    private static void encodings(String what, byte[] data, Map<String, byte[]> into) {
        for (Alphabet alphabet : List.of(new Alphabet("standard", Base64.getEncoder()),
                new Alphabet("URL-safe", Base64.getUrlEncoder()))) {
            Base64.Encoder encoder = alphabet.encoder();
            into.put("base64 (" + alphabet.name() + ", padded) of " + what, encoder.encode(data));
            into.put("base64 (" + alphabet.name() + ", unpadded) of " + what, encoder.withoutPadding().encode(data));
            for (int offset = 0; offset < 3; offset++) {
                into.put("base64 (" + alphabet.name() + ") of a longer value holding " + what + " at offset "
                        + offset + " mod 3", insideLongerBase64(encoder, data, offset));
            }
        }
        into.put("hex (lower case) of " + what, HexFormat.of().formatHex(data).getBytes(StandardCharsets.US_ASCII));
        into.put("hex (upper case) of " + what,
                HexFormat.of().withUpperCase().formatHex(data).getBytes(StandardCharsets.US_ASCII));
        // Matched against the haystack lower-cased, so mixed case ("0A1b…") is found too.
        into.put(ANY_CASE_HEX + what, HexFormat.of().formatHex(data).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] asciiLowerCase(byte[] data) {
        byte[] lower = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            byte b = data[i];
            lower[i] = b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
        }
        return lower;
    }

    /**
     * The base64 characters that any base64 text of {@code …data…} contains when {@code data} starts at a byte
     * offset ≡ {@code offset} (mod 3) of the encoded value: the 4-character groups made of {@code data}'s bytes
     * only, whatever comes before and after.
     */
    public static byte[] insideLongerBase64(Base64.Encoder encoder, byte[] data, int offset) {
        byte[] shifted = new byte[offset + data.length];
        System.arraycopy(data, 0, shifted, offset, data.length);
        String encoded = encoder.withoutPadding().encodeToString(shifted);
        int wholeGroups = shifted.length / 3;
        return encoded.substring(offset == 0 ? 0 : 4, 4 * wholeGroups).getBytes(StandardCharsets.US_ASCII);
    }

    /** The bytes of a URL-safe or standard base64 text; null when it is neither. */
    public static byte[] decodeBase64(String text) {
        for (Base64.Decoder decoder : List.of(Base64.getUrlDecoder(), Base64.getDecoder())) {
            try {
                return decoder.decode(text);
            } catch (IllegalArgumentException e) {
                // try the other alphabet
            }
        }
        return null;
    }

    private record Alphabet(String name, Base64.Encoder encoder) {
    }

    public static int indexOf(byte[] haystack, byte[] needle) {
        if (needle.length == 0) {
            return 0;
        }
        byte first = needle[0];
        int last = haystack.length - needle.length;
        outer:
        for (int i = 0; i <= last; i++) {
            if (haystack[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
