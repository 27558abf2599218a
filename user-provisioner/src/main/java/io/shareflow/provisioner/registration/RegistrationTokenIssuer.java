package io.shareflow.provisioner.registration;

import java.time.Clock;
import java.time.Instant;

import io.shareflow.provisioner.registration.model.RegistrationToken;
import io.shareflow.provisioner.user.model.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues registration tokens to deactivated users. No event carries the token (share-notifier
 * e-mails the share link, not a registration link), so with {@code shareflow.registration.log-links}
 * the link is logged for local use; otherwise the token is only ever known to this call's caller.
 */
@Component
public class RegistrationTokenIssuer {

    private static final Logger log = LoggerFactory.getLogger(RegistrationTokenIssuer.class);

    private final RegistrationTokens tokens;
    private final RegistrationSettings settings;
    private final Clock clock;

    RegistrationTokenIssuer(RegistrationTokens tokens, RegistrationSettings settings, Clock clock) {
        this.tokens = tokens;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Stores a new token for the user, in the caller's transaction. Earlier tokens stay valid
     * until they expire or one of them is used.
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
        RegistrationToken token = RegistrationToken.issue(user.id(), now, settings.tokenValidity());
        tokens.save(token, now);
        if (settings.logLinks()) {
            log.info("Registration link for user {} <{}>, valid until {}: POST {}/v1/registrations/{} "
                            + "with a JSON body of displayName and password",
                    user.id(), user.email(), token.expiresAt(), settings.baseUrl(), token.token());
        }
        return token;
    }
}
