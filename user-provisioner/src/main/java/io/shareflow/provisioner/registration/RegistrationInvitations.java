package io.shareflow.provisioner.registration;

import java.time.Instant;

import io.shareflow.provisioner.registration.model.RegistrationInvitation;
import io.shareflow.provisioner.registration.model.RegistrationToken;
import io.shareflow.provisioner.user.model.User;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends a deactivated user the way in: a new registration token (superseding the user's earlier one), published
 * sealed in {@code RegistrationLinkIssued} for share-notifier to e-mail, in the caller's transaction. Used by
 * provisioning (a share to a new address) and by the re-invite.
 */
@Component
public class RegistrationInvitations {

    private final RegistrationTokenIssuer tokens;
    private final RegistrationLinkPublisher links;

    RegistrationInvitations(RegistrationTokenIssuer tokens, RegistrationLinkPublisher links) {
        this.tokens = tokens;
        this.links = links;
    }

    /** @return when the new link stops working */
    @Transactional(propagation = Propagation.MANDATORY)
    public Instant send(RegistrationInvitation invitation) {
        RegistrationToken token = tokens.issueFor(invitation.user());
        links.publish(invitation, token);
        return token.expiresAt();
    }

    /** Whether the user still holds a link that works: a later share then sends none. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean hasWorkingLink(User user) {
        return tokens.hasUsableToken(user);
    }
}
