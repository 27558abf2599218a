package io.shareflow.provisioner.registration;

import java.time.Clock;
import java.time.Instant;

import io.shareflow.provisioner.registration.model.RegistrationToken;
import io.shareflow.provisioner.user.model.User;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues registration tokens to deactivated users. The secret is known only to the caller of {@link #issueFor},
 * which hands it on sealed ({@link RegistrationInvitations}); it is never stored, published in plaintext or logged.
 */
@Component
public class RegistrationTokenIssuer {

    private final RegistrationTokens tokens;
    private final RegistrationSettings settings;
    private final Clock clock;

    RegistrationTokenIssuer(RegistrationTokens tokens, RegistrationSettings settings, Clock clock) {
        this.tokens = tokens;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Stores a new token for the user, in the caller's transaction; the user's earlier token, if it was still live,
     * is superseded (410 from now on).
     *
     * @param user a deactivated user, not null
     * @return the token, with its secret
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public RegistrationToken issueFor(User user) {
        if (user.isActive()) {
            throw new IllegalArgumentException("User " + user.id() + " is already active");
        }
        Instant now = clock.instant();
        tokens.supersedeLive(user.id(), now);
        RegistrationToken token = RegistrationToken.issue(user.id(), now, settings.tokenValidity());
        tokens.save(token, now);
        return token;
    }

    /** Whether the user holds a token that still works (unused, the newest, not expired). */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean hasUsableToken(User user) {
        return tokens.hasUsable(user.id(), clock.instant());
    }
}
