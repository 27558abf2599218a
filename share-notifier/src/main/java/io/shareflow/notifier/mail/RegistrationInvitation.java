package io.shareflow.notifier.mail;

import java.time.Instant;
import java.util.Objects;

/**
 * What the registration e-mail ("finish creating your account") says, apart from its link. The names come from users
 * and are untrusted: the renderer escapes them. Not null unless stated otherwise.
 *
 * <p>The link carries the user's registration token, so it is kept sealed and handed to
 * {@link RegistrationInvitationRenderer#render(RegistrationInvitation, String)} only at send time; this can be stored
 * as it is.
 *
 * @param organizationName the organisation the account belongs to
 * @param inviterName      who invited the person (the sharer, or an administrator who re-invited); null or blank when
 *                         unknown
 * @param inviterEmail     that person's address (the e-mail's Reply-To when valid); null or blank when unknown
 * @param expiresAt        when the link stops working
 * @param reinvite         true when an administrator sent the link again (an earlier one no longer works)
 */
public record RegistrationInvitation(String organizationName, String inviterName, String inviterEmail,
                                     Instant expiresAt, boolean reinvite) {

    public RegistrationInvitation {
        Objects.requireNonNull(organizationName, "organizationName");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "RegistrationInvitation[organization=" + organizationName + ", expiresAt=" + expiresAt
                + ", reinvite=" + reinvite + "]";
    }
}
