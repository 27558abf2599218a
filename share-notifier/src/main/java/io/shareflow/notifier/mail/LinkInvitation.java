package io.shareflow.notifier.mail;

import java.time.Instant;
import java.util.Objects;

/**
 * What the e-mail of a share by link says to one of its recipients, apart from the link. Every text comes from a
 * user and is untrusted: the renderer escapes it. Not null unless stated otherwise.
 *
 * <p>As with {@link Invitation}, the link itself carries the share's secret token and is handed to
 * {@link LinkInvitationRenderer#render(LinkInvitation, String)} only at send time, so this can be stored as it is.
 * A password link's password is never here: no event carries it, the sharer gives it separately.
 *
 * @param sharerName   display name of the user who created the link
 * @param sharerEmail  address of the user who created the link (the e-mail's Reply-To when valid); {@code ""} when
 *                     unknown
 * @param resourceName name of the shared file, folder or collection
 * @param resourceKind {@code file | folder | collection}
 * @param role         {@code viewer | downloader}
 * @param audience     who may open the link: {@code anyone | organization | users | password}; an unknown value is
 *                     rendered without a word on access
 * @param linkName     the name the sharer gave the link; null or blank for none
 * @param subject      the sharer's subject; null or blank for the default subject
 * @param message      the sharer's plain-text message; null or blank for none
 * @param expiresAt    when the link stops working; null for never
 */
public record LinkInvitation(String sharerName, String sharerEmail, String resourceName, String resourceKind,
                             String role, String audience, String linkName, String subject, String message,
                             Instant expiresAt) {

    public LinkInvitation {
        Objects.requireNonNull(sharerName, "sharerName");
        Objects.requireNonNull(sharerEmail, "sharerEmail");
        Objects.requireNonNull(resourceName, "resourceName");
        Objects.requireNonNull(resourceKind, "resourceKind");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(audience, "audience");
    }

    @Override
    public String toString() {
        // Short: the sharer's subject and message are user text that logs need not repeat.
        return "LinkInvitation[sharer=" + sharerName + ", resource=" + resourceName + ", role=" + role
                + ", audience=" + audience + "]";
    }
}
