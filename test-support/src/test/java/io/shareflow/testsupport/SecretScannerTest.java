package io.shareflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The dump test is only as good as its scanner: each encoding it claims to find, found inside other data. */
class SecretScannerTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final byte[] bytes = random(32);
    private final String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    private final byte[] text = token.getBytes(StandardCharsets.US_ASCII);

    @Test
    void findsTheTokenInEveryEncodingItNames() {
        Map<String, byte[]> planted = Map.ofEntries(
                Map.entry("its text", text),
                Map.entry("its decoded bytes, raw", bytes),
                Map.entry("base64 (standard, padded) of its decoded bytes", Base64.getEncoder().encode(bytes)),
                Map.entry("base64 (standard, unpadded) of its decoded bytes", Base64.getEncoder().withoutPadding().encode(bytes)),
                Map.entry("base64 (URL-safe, padded) of its decoded bytes", Base64.getUrlEncoder().encode(bytes)),
                Map.entry("base64 (standard, padded) of its text", Base64.getEncoder().encode(text)),
                Map.entry("base64 (standard, unpadded) of its text", Base64.getEncoder().withoutPadding().encode(text)),
                Map.entry("base64 (URL-safe, padded) of its text", Base64.getUrlEncoder().encode(text)),
                Map.entry("base64 (URL-safe, unpadded) of its text", Base64.getUrlEncoder().withoutPadding().encode(text)),
                Map.entry("hex (lower case) of its decoded bytes", hex(bytes).getBytes(StandardCharsets.US_ASCII)),
                Map.entry("hex (upper case) of its decoded bytes", hex(bytes).toUpperCase().getBytes(StandardCharsets.US_ASCII)),
                Map.entry("hex (lower case) of its text", hex(text).getBytes(StandardCharsets.US_ASCII)),
                Map.entry("hex (upper case) of its text", hex(text).toUpperCase().getBytes(StandardCharsets.US_ASCII)));
        planted.forEach((encoding, value) -> {
            SecretScanner scanner = new SecretScanner(Map.of("t", token));
            scanner.scan("here", concat(random(7), value, random(5)));
            assertThat(scanner.findings()).as(encoding).anyMatch(f -> f.isIn(encoding) && f.where().equals("here"));
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void findsTheTokenInsideALongerValueEncodedAsAWholeAtAnyOffset(int prefix) {
        for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder(), Base64.getUrlEncoder().withoutPadding())) {
            SecretScanner textScanner = new SecretScanner(Map.of("t", token));
            textScanner.scan("here", encoder.encode(concat(random(prefix), text, random(prefix + 1))));
            assertThat(textScanner.findings()).as("text after %d bytes", prefix).isNotEmpty();

            SecretScanner bytesScanner = new SecretScanner(Map.of("t", token));
            bytesScanner.scan("here", encoder.encode(concat(random(prefix), bytes, random(2))));
            assertThat(bytesScanner.findings()).as("bytes after %d bytes", prefix).isNotEmpty();
        }
    }

    @Test
    void findsNothingWhereTheTokenIsNotAndNothingOfItsHash() throws Exception {
        SecretScanner scanner = new SecretScanner(Map.of("t", token));
        byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(text);
        scanner.scan("hash", hash);
        scanner.scan("hash as hex", hex(hash));
        scanner.scan("a prefix of the token", token.substring(0, 12));
        scanner.scan("nothing", (String) null);
        assertThat(scanner.findings()).isEmpty();
        assertThat(scanner.items()).isEqualTo(3);
    }

    @Test
    void findsHexInMixedCase() {
        String mixed = mixedCase(hex(bytes));
        assertThat(SecretScanner.of(token).findIn("\\x" + mixed))
                .anyMatch(f -> f.isIn("hex (any case) of its decoded bytes"));
        assertThat(SecretScanner.of(token).findIn(("\\x00" + mixedCase(hex(text))).getBytes(StandardCharsets.US_ASCII)))
                .anyMatch(f -> f.isIn("hex (any case) of its text"));
    }

    @Test
    void findInAnswersForOneValueWithoutKeepingIt() {
        SecretScanner scanner = SecretScanner.of(token);
        assertThat(scanner.findIn("url https://x/s/" + token + " end"))
                .singleElement().satisfies(f -> {
                    assertThat(f.secret()).isEqualTo(SecretScanner.THE_TOKEN);
                    assertThat(f.isIn("its text")).isTrue();
                });
        assertThat(scanner.findIn("{\"b\":\"" + Base64.getEncoder().encodeToString(bytes) + "\"}")).isNotEmpty();
        assertThat(scanner.findIn("cell", concat(random(2), bytes, random(2))))
                .anyMatch(f -> f.isIn("its decoded bytes, raw") && f.where().equals("cell"));
        assertThat(scanner.findIn(("x" + token).getBytes(StandardCharsets.UTF_8))).anyMatch(f -> f.isIn("its text"));
        assertThat(scanner.findings()).isEmpty();
        assertThat(scanner.items()).isZero();
        assertThat(SecretScanner.tokenOf("http://localhost:8080/s/" + token)).isEqualTo(token);
    }

    @Test
    void findsNothingElse() {
        SecretScanner scanner = SecretScanner.of(token);
        String other = Base64.getUrlEncoder().withoutPadding().encodeToString(random(32));
        assertThat(scanner.findIn(other)).isEmpty();
        assertThat(scanner.findIn(token.substring(1))).isEmpty();
        assertThat(scanner.findIn(new byte[64])).isEmpty();
        assertThat(scanner.findIn((String) null)).isEmpty();
    }

    @Test
    void refusesSecretsTooShortToSearchForWithoutFalseAlarms() {
        assertThatThrownBy(() -> new SecretScanner(Map.of("short", "abc"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static String mixedCase(String hex) {
        StringBuilder mixed = new StringBuilder(hex);
        for (int i = 0; i < mixed.length(); i += 2) {
            mixed.setCharAt(i, Character.toUpperCase(mixed.charAt(i)));
        }
        return mixed.toString();
    }

    private static String hex(byte[] data) {
        return HexFormat.of().formatHex(data);
    }

    private static byte[] random(int length) {
        byte[] data = new byte[length];
        RANDOM.nextBytes(data);
        return data;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
