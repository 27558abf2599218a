package io.shareflow.api.opening;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.shareflow.domain.PasswordPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a password given for a password link against the stored hash, with share-api's one {@link PasswordEncoder}
 * (BCrypt, the one that hashed it). Never throws: a password BCrypt cannot read (more than 72 UTF-8 bytes) or a
 * stored value that is not a hash simply does not match.
 */
@Component
class LinkPasswords {

    private static final Logger log = LoggerFactory.getLogger(LinkPasswords.class);

    private final PasswordEncoder encoder;

    LinkPasswords(PasswordEncoder encoder) {
        this.encoder = encoder;
    }

    boolean matches(UUID shareId, String password, String storedHash) {
        if (password == null || storedHash == null || password.getBytes(StandardCharsets.UTF_8).length > PasswordPolicy.MAX_UTF8_BYTES) {
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
