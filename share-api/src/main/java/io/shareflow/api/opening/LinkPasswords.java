package io.shareflow.api.opening;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a password given for a password link against the stored hash: spring-security-crypto's encoded form,
 * {@code {bcrypt}$2a$...} (a bare BCrypt hash matches too). Never throws: a password BCrypt cannot read (more than
 * 72 UTF-8 bytes) or a stored value that is not a hash simply does not match.
 */
@Component
class LinkPasswords {

    /** BCrypt reads no more than this; a longer password can never be the one that was set. */
    static final int MAX_BYTES = 72;

    private static final Logger log = LoggerFactory.getLogger(LinkPasswords.class);

    private final DelegatingPasswordEncoder encoder;

    LinkPasswords() {
        encoder = (DelegatingPasswordEncoder) PasswordEncoderFactories.createDelegatingPasswordEncoder();
        encoder.setDefaultPasswordEncoderForMatches(new BCryptPasswordEncoder());
    }

    boolean matches(UUID shareId, String password, String storedHash) {
        if (password == null || storedHash == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return false;
        }
        try {
            return encoder.matches(password, storedHash);
        } catch (RuntimeException e) {
            log.error("The password hash of share {} cannot be checked ({}); the link does not open with a password",
                    shareId, e.getClass().getSimpleName());
            return false;
        }
    }
}
