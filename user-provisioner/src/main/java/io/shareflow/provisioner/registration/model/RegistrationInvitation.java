package io.shareflow.provisioner.registration.model;

import java.util.Objects;
import java.util.UUID;

import io.shareflow.provisioner.user.model.User;

/**
 * Why and for whom a registration link is issued and e-mailed.
 *
 * @param user             a deactivated user; never null
 * @param organizationName the user's organisation's name, for the e-mail; never null
 * @param inviter          never null
 * @param reason           never null
 * @param shareId          for {@link Reason#SHARE} the share that led to it; null otherwise
 * @param causationEventId for {@link Reason#SHARE} the eventId of that share's {@code ShareRequested}; null otherwise
 */
public record RegistrationInvitation(User user, String organizationName, Inviter inviter, Reason reason, UUID shareId,
                                     UUID causationEventId) {

    public RegistrationInvitation {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(organizationName, "organizationName");
        Objects.requireNonNull(inviter, "inviter");
        Objects.requireNonNull(reason, "reason");
        if (user.isActive()) {
            throw new IllegalArgumentException("User " + user.id() + " has registered already");
        }
    }

    /** A share to an address without a registered account. */
    public static RegistrationInvitation forShare(User user, String organizationName, Inviter sharer, UUID shareId,
                                                  UUID causationEventId) {
        return new RegistrationInvitation(user, organizationName, sharer, Reason.SHARE,
                Objects.requireNonNull(shareId, "shareId"), Objects.requireNonNull(causationEventId, "causationEventId"));
    }

    /** An administrator asked to send the link again. */
    public static RegistrationInvitation again(User user, String organizationName, Inviter administrator) {
        return new RegistrationInvitation(user, organizationName, administrator, Reason.REINVITE, null, null);
    }

    /** The names are the values of the event's {@code reason}. */
    public enum Reason { SHARE, REINVITE }
}
