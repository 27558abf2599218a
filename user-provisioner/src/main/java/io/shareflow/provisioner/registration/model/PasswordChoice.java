package io.shareflow.provisioner.registration.model;

import java.util.Locale;
import java.util.Optional;

import io.shareflow.domain.EmailAddress;
import io.shareflow.domain.PasswordPolicy;

/**
 * The rules for the password a person chooses for an account: {@link PasswordPolicy} (8 characters to 72 bytes, what
 * BCrypt keeps) and not the account's own e-mail address, ignoring case and surrounding blanks. The registration API
 * and the registration page check the same rules, here, and answer with the same words.
 */
public final class PasswordChoice {

    static final String IS_THE_EMAIL = "must not be your e-mail address";

    private PasswordChoice() {
    }

    /** Why {@code password} is refused for the account of {@code email}, or empty when it is acceptable. */
    public static Optional<String> violation(String password, EmailAddress email) {
        Optional<String> policy = PasswordPolicy.violation(password);
        if (policy.isPresent()) {
            return policy;
        }
        if (password.strip().toLowerCase(Locale.ROOT).equals(email.value().strip().toLowerCase(Locale.ROOT))) {
            return Optional.of(IS_THE_EMAIL);
        }
        return Optional.empty();
    }
}
