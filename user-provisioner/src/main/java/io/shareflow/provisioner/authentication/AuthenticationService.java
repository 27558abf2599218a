package io.shareflow.provisioner.authentication;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import io.shareflow.provisioner.attempt.AttemptGuard;
import io.shareflow.provisioner.attempt.model.AttemptKind;
import io.shareflow.provisioner.user.UserCredentials;
import io.shareflow.provisioner.user.Users;
import io.shareflow.support.web.ApiException;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a registered user's password for the platform's sign-in. One answer for every refusal — unknown address,
 * wrong password, a user who has not registered or signs in elsewhere (no password here): 401 with the same message,
 * after the same work (BCrypt runs against a dummy hash of the same cost when there is no hash to check), so neither
 * the answer nor its timing tells which addresses have accounts.
 *
 * <p>Limited per address ({@link AttemptGuard}, kind {@code authentication}, keyed by the SHA-256 of the address in
 * lower case, so unknown addresses are limited alike and no address is stored): after
 * {@code shareflow.authentication.max-failed-attempts} failures within {@code failed-attempts-window} the address
 * answers 429 with {@code Retry-After}, the password unchecked. A success clears the count. Concurrent checks of one
 * address are serialised.
 */
@Service
class AuthenticationService {

    static final String REFUSED = "The e-mail address or the password is not right.";
    private static final String TOO_MANY = "Too many failed sign-in attempts for this e-mail address; try again later.";
    /** BCrypt reads no more; a longer password was never accepted at registration, and BCrypt refuses to hash it. */
    private static final int MAX_PASSWORD_BYTES = 72;

    private final Users users;
    private final PasswordEncoder passwords;
    private final AttemptGuard attempts;
    private final AuthenticationSettings settings;
    /** What an unknown address is checked against: a hash of a random password, made with the same encoder. */
    private final String dummyHash;

    AuthenticationService(Users users, PasswordEncoder passwords, AttemptGuard attempts, AuthenticationSettings settings) {
        this.users = users;
        this.passwords = passwords;
        this.attempts = attempts;
        this.settings = settings;
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.dummyHash = passwords.encode(Base64.getEncoder().encodeToString(random));
    }

    /**
     * @throws ApiException 401 for any refusal, 429 with {@code Retry-After} when the address is locked out
     */
    @Transactional(noRollbackFor = ApiException.class)
    AuthenticatedUser authenticate(String email, String password) {
        String subject = subjectOf(email);
        attempts.enter(AttemptKind.AUTHENTICATION, subject, settings.attemptLimit(), TOO_MANY);
        Optional<UserCredentials> registered = users.findCredentialsByEmail(email)
                .filter(credentials -> credentials.user().isActive() && credentials.passwordHash() != null);
        boolean fits = password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
        boolean matches = passwords.matches(fits ? password : "", registered.map(UserCredentials::passwordHash)
                .orElse(dummyHash));
        if (registered.isPresent() && fits && matches) {
            attempts.succeeded(AttemptKind.AUTHENTICATION, subject);
            return AuthenticatedUser.of(registered.get().user());
        }
        attempts.failed(AttemptKind.AUTHENTICATION, subject, settings.attemptLimit());
        throw ApiException.unauthorized(REFUSED);
    }

    /** The SHA-256 (hex) of the address as compared: surrounding blanks removed, lower case. */
    static String subjectOf(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
