package io.shareflow.provisioner.registration;

import java.time.Instant;
import java.util.UUID;

import io.shareflow.domain.Conflict;
import io.shareflow.domain.NotFound;
import io.shareflow.provisioner.organization.Organization;
import io.shareflow.provisioner.organization.Organizations;
import io.shareflow.provisioner.registration.model.Inviter;
import io.shareflow.provisioner.registration.model.RegistrationInvitation;
import io.shareflow.provisioner.user.Users;
import io.shareflow.provisioner.user.model.User;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-invite: a new registration link for a user who has not registered, e-mailed through the same sealed event as the
 * first ({@code RegistrationLinkIssued}, reason {@code REINVITE}); the earlier link stops working (410).
 */
@Service
class ReinviteService {

    private static final String NOT_FOUND = "User not found.";

    private final Users users;
    private final Organizations organizations;
    private final RegistrationInvitations invitations;

    ReinviteService(Users users, Organizations organizations, RegistrationInvitations invitations) {
        this.users = users;
        this.organizations = organizations;
        this.invitations = invitations;
    }

    /**
     * @param visibleTo the organisation whose users the caller may re-invite; null for all ({@code admin})
     * @return the user and when the new link stops working
     * @throws NotFound when there is no such user, or it belongs to another organisation than {@code visibleTo}
     * @throws Conflict when the user has registered (or signs in elsewhere): there is nothing to finish
     */
    @Transactional
    Reinvited reinvite(UUID userId, UUID visibleTo, Inviter inviter) {
        // Locked, so a registration at the same moment either comes first (409 here) or finds its token replaced.
        User user = users.findByIdForUpdate(userId)
                .filter(u -> visibleTo == null || u.belongsTo(visibleTo))
                .orElseThrow(() -> new NotFound(NOT_FOUND));
        if (user.isActive()) {
            throw new Conflict("This user has registered already (status ACTIVE): there is no registration to finish.");
        }
        String organizationName = organizations.findById(user.organizationId()).map(Organization::name)
                .orElseThrow(() -> new IllegalStateException("User " + userId + " of a missing organisation"));
        Instant expiresAt = invitations.send(RegistrationInvitation.again(user, organizationName, inviter));
        return new Reinvited(user, expiresAt);
    }

    record Reinvited(User user, Instant expiresAt) {
    }
}
