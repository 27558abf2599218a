package io.shareflow.provisioner.registration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.shareflow.domain.Gone;
import io.shareflow.domain.InvalidRequest;
import io.shareflow.domain.NotFound;
import io.shareflow.provisioner.attempt.AttemptGuard;
import io.shareflow.provisioner.attempt.model.AttemptKind;
import io.shareflow.provisioner.registration.model.PasswordChoice;
import io.shareflow.provisioner.registration.model.RegistrationLinkCheck;
import io.shareflow.provisioner.registration.model.RegistrationLinkCheck.State;
import io.shareflow.provisioner.registration.model.RegistrationTicket;
import io.shareflow.provisioner.registration.model.RegistrationToken;
import io.shareflow.provisioner.user.UserEventPublisher;
import io.shareflow.provisioner.user.Users;
import io.shareflow.provisioner.user.model.User;
import io.shareflow.support.web.ApiException;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration: a deactivated user proves it holds a token, chooses a name and password, and becomes active.
 *
 * <p>Every refused use of a token counts against it ({@link AttemptGuard}, kind {@code registration}, keyed by the
 * token's hash): unknown (404), used, replaced or expired (410), or a password the rules refuse (400). After
 * {@code shareflow.registration.max-failed-attempts} of them within {@code failed-attempts-window} the token answers
 * 429 with {@code Retry-After}, before anything else is looked at. A refusal commits (its failure must count); it
 * has changed nothing else by then.
 */
@Service
public class RegistrationService {

    /** The longest token looked up; anything longer cannot be one of ours. */
    private static final int MAX_TOKEN_LENGTH = 128;
    private static final String UNKNOWN_TOKEN = "Registration token not found.";
    private static final String USED_TOKEN = "This registration link has already been used.";
    private static final String SUPERSEDED_TOKEN = "This registration link has been replaced by a newer one; use the "
            + "link of the latest e-mail.";
    private static final String EXPIRED_TOKEN = "This registration link has expired.";
    private static final String ALREADY_REGISTERED = "This user has already registered.";
    private static final String TOO_MANY = "Too many failed attempts with this registration link; try again later.";

    private final RegistrationTokens tokens;
    private final Users users;
    private final UserEventPublisher userEvents;
    private final PasswordEncoder passwords;
    private final AttemptGuard attempts;
    private final RegistrationSettings settings;
    private final Clock clock;

    RegistrationService(RegistrationTokens tokens, Users users, UserEventPublisher userEvents, PasswordEncoder passwords,
                        AttemptGuard attempts, RegistrationSettings settings, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.userEvents = userEvents;
        this.passwords = passwords;
        this.attempts = attempts;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Activates the token's user and publishes {@code UserActivated} and {@code UserUpserted}.
     * The token and the user's row are locked, so two concurrent uses of one token activate once.
     *
     * @param password checked here against {@link PasswordChoice} (the page and the API share the rule)
     * @throws NotFound       when the token is unknown (404)
     * @throws Gone           when the token is used, replaced or expired, or its user is active (410)
     * @throws InvalidRequest naming {@code password} when the rules refuse it (400)
     * @throws ApiException   429 when the token has had too many failed attempts
     */
    @Transactional(noRollbackFor = {NotFound.class, Gone.class, InvalidRequest.class})
    public User register(String token, String displayName, String password) {
        String hash = RegistrationToken.hashOf(token);
        attempts.enter(AttemptKind.REGISTRATION, hash, settings.attemptLimit(), TOO_MANY);
        try {
            return activate(token, hash, displayName, password);
        } catch (NotFound | Gone | InvalidRequest refused) {
            attempts.failed(AttemptKind.REGISTRATION, hash, settings.attemptLimit());
            throw refused;
        }
    }

    /**
     * What using {@code token} now would meet, for the registration page's first look: the same checks as
     * {@link #register} in the same order (the failed-attempt limit first), but a look locks nothing and counts no
     * failure — a person reloading an old link does not lock it.
     */
    @Transactional(readOnly = true)
    public RegistrationLinkCheck check(String token) {
        String hash = RegistrationToken.hashOf(token);
        Optional<Duration> wait = attempts.waitBeforeNextAttempt(AttemptKind.REGISTRATION, hash,
                settings.attemptLimit());
        if (wait.isPresent()) {
            return RegistrationLinkCheck.lockedOut(wait.get());
        }
        Optional<RegistrationTicket> found = token.length() > MAX_TOKEN_LENGTH ? Optional.empty() : tokens.find(hash);
        if (found.isEmpty()) {
            return RegistrationLinkCheck.refused(State.UNKNOWN);
        }
        RegistrationTicket ticket = found.get();
        switch (ticket.validityAt(clock.instant())) {
            case USED -> {
                return RegistrationLinkCheck.refused(State.USED);
            }
            case SUPERSEDED -> {
                return RegistrationLinkCheck.refused(State.SUPERSEDED);
            }
            case EXPIRED -> {
                return RegistrationLinkCheck.refused(State.EXPIRED);
            }
            case USABLE -> { }
        }
        Optional<User> user = users.findById(ticket.userId());
        if (user.isEmpty() || user.get().isActive()) {
            return RegistrationLinkCheck.refused(State.USED);
        }
        return RegistrationLinkCheck.usable(user.get().email());
    }

    private User activate(String token, String hash, String displayName, String password) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new NotFound(UNKNOWN_TOKEN);
        }
        RegistrationTicket ticket = tokens.findForUpdate(hash).orElseThrow(() -> new NotFound(UNKNOWN_TOKEN));
        Instant now = clock.instant();
        switch (ticket.validityAt(now)) {
            case USED -> throw new Gone(USED_TOKEN);
            case SUPERSEDED -> throw new Gone(SUPERSEDED_TOKEN);
            case EXPIRED -> throw new Gone(EXPIRED_TOKEN);
            case USABLE -> { }
        }
        User user = users.findByIdForUpdate(ticket.userId()).orElseThrow(
                () -> new IllegalStateException("Registration token of missing user " + ticket.userId()));
        if (user.isActive()) {
            // Cannot happen for a token issued since tokens supersede each other; kept for older rows.
            throw new Gone(ALREADY_REGISTERED);
        }
        Optional<String> refused = PasswordChoice.violation(password, user.email());
        if (refused.isPresent()) {
            throw new InvalidRequest("password", refused.get());
        }
        User activated = user.activate(displayName, now);
        users.saveActivated(activated, passwords.encode(password));
        tokens.markUsed(hash, now);
        userEvents.activated(activated);
        return activated;
    }
}
