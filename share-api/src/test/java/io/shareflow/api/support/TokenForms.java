package io.shareflow.api.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The forms a link token could be found in by someone reading a dump: the token itself, base64 (standard and
 * URL-safe alphabet, with and without padding) and hex (either case) of its bytes (the token decoded) and of its
 * text. A haystack is searched as given and, for the hex forms, lower-cased.
 */
public final class TokenForms {

    private final Map<String, String> forms = new LinkedHashMap<>();

    private TokenForms(String token) {
        forms.put("raw", token);
        byte[] bytes = Base64.getUrlDecoder().decode(token);
        byte[] text = token.getBytes(StandardCharsets.US_ASCII);
        for (Map.Entry<String, byte[]> source : Map.of("bytes", bytes, "text", text).entrySet()) {
            String of = " of the token's " + source.getKey();
            forms.put("base64" + of, Base64.getEncoder().encodeToString(source.getValue()));
            forms.put("base64 unpadded" + of, Base64.getEncoder().withoutPadding().encodeToString(source.getValue()));
            forms.put("base64url" + of, Base64.getUrlEncoder().encodeToString(source.getValue()));
            forms.put("base64url unpadded" + of, Base64.getUrlEncoder().withoutPadding().encodeToString(source.getValue()));
            forms.put("hex" + of, HexFormat.of().formatHex(source.getValue()));
        }
    }

    /** @param token the last path segment of a share URL: URL-safe base64 of random bytes, without padding */
    public static TokenForms of(String token) {
        return new TokenForms(token);
    }

    /** The token of a share URL {@code .../s/{token}}. */
    public static TokenForms ofUrl(String url) {
        return of(url.substring(url.lastIndexOf('/') + 1));
    }

    /** @return the name of the first form found in {@code haystack}, if any */
    public Optional<String> foundIn(String haystack) {
        String lower = haystack.toLowerCase(Locale.ROOT);
        return forms.entrySet().stream()
                .filter(form -> form.getKey().startsWith("hex") ? lower.contains(form.getValue())
                        : haystack.contains(form.getValue()))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** @return the name of the first form found in the bytes, read as text (ISO-8859-1) and as hex, if any */
    public Optional<String> foundIn(byte[] haystack) {
        return foundIn(new String(haystack, StandardCharsets.ISO_8859_1))
                .or(() -> foundIn(HexFormat.of().formatHex(haystack)));
    }

    /** Every form, by name (for a test of this class, and for messages). */
    public Map<String, String> forms() {
        return Map.copyOf(forms);
    }
}
