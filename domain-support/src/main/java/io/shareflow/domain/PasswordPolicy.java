package io.shareflow.domain;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a password shareflow stores as a BCrypt hash must satisfy: one chosen at registration (user-provisioner) or
 * given to a password link (share-api). The upper bound is BCrypt's: it reads at most 72 bytes, and a longer
 * password would silently be cut.
 */
public final class PasswordPolicy {

    public static final int MIN_CHARACTERS = 8;
    public static final int MAX_UTF8_BYTES = 72;

    private PasswordPolicy() {
    }

    /** Why {@code password} is refused, or empty when it is acceptable. Null is refused. */
    public static Optional<String> violation(String password) {
        if (password == null || password.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (password.codePointCount(0, password.length()) < MIN_CHARACTERS) {
            return Optional.of("must be at least " + MIN_CHARACTERS + " characters long");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_UTF8_BYTES) {
            return Optional.of("must be at most " + MAX_UTF8_BYTES + " bytes long (UTF-8)");
        }
        return Optional.empty();
    }
}
