package io.shareflow.provisioner.registration;

import java.time.Clock;
import java.time.Instant;

import io.shareflow.domain.Gone;
import io.shareflow.domain.NotFound;
import io.shareflow.provisioner.registration.model.RegistrationTicket;
import io.shareflow.provisioner.registration.model.RegistrationToken;
import io.shareflow.provisioner.user.UserEventPublisher;
import io.shareflow.provisioner.user.Users;
import io.shareflow.provisioner.user.model.User;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registration: a deactivated user proves it holds a token, chooses a name and password, and becomes active. */
@Service
class RegistrationService {

    /** The longest token looked up; anything longer cannot be one of ours. */
    private static final int MAX_TOKEN_LENGTH = 128;
    private static final String UNKNOWN_TOKEN = "Registration token not found.";
    private static final String USED_TOKEN = "This registration link has already been used.";
    private static final String EXPIRED_TOKEN = "This registration link has expired.";
    private static final String ALREADY_REGISTERED = "This user has already registered.";

    private final RegistrationTokens tokens;
    private final Users users;
    private final UserEventPublisher userEvents;
    private final PasswordEncoder passwords;
    private final Clock clock;

    RegistrationService(RegistrationTokens tokens, Users users, UserEventPublisher userEvents, PasswordEncoder passwords,
                        Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.userEvents = userEvents;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * Activates the token's user and publishes {@code UserActivated} and {@code UserUpserted}.
     * The token and the user's row are locked, so two concurrent uses of one token activate once.
     *
     * @param password already checked against {@link io.shareflow.domain.PasswordPolicy}
     * @throws NotFound                    when the token is unknown (404)
     * @throws Gone                        when the token is used or expired, or its user is active (410)
     */
    @Transactional
    User register(String token, String displayName, String password) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new NotFound(UNKNOWN_TOKEN);
        }
        String hash = RegistrationToken.hashOf(token);
        RegistrationTicket ticket = tokens.findForUpdate(hash)
                .orElseThrow(() -> new NotFound(UNKNOWN_TOKEN));
        Instant now = clock.instant();
        switch (ticket.validityAt(now)) {
            case USED -> throw new Gone(USED_TOKEN);
            case EXPIRED -> throw new Gone(EXPIRED_TOKEN);
            case USABLE -> { }
        }
        User user = users.findByIdForUpdate(ticket.userId()).orElseThrow(
                () -> new IllegalStateException("Registration token of missing user " + ticket.userId()));
        if (user.isActive()) {
            // Registered already with another token issued for a later share.
            throw new Gone(ALREADY_REGISTERED);
        }
        User activated = user.activate(displayName, now);
        users.saveActivated(activated, passwords.encode(password));
        tokens.markUsed(hash, now);
        userEvents.activated(activated);
        return activated;
    }
}
