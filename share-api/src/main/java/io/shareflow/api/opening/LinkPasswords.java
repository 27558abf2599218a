package io.shareflow.api.opening;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
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

    /**
     * What a proof of a link's password is bound to: a digest of its stored hash (which changes with every new
     * password, the salt included), so a proof given for the old password no longer opens the link.
     */
    static String version(String storedHash) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(storedHash.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
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
