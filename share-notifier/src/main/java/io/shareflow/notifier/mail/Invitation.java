package io.shareflow.notifier.mail;

import java.time.Instant;
import java.util.Objects;

/**
 * What an invitation e-mail says, apart from its link. Every text comes from a user and is untrusted: the
 * renderer escapes it. Not null unless stated otherwise.
 *
 * <p>The link that opens the share is not part of it: it carries the share's secret token, so it is kept
 * sealed and handed to {@link InvitationRenderer#render(Invitation, String)} only at send time. An
 * invitation can therefore be stored as it is; the send log keeps it and renders every attempt from it.
 *
 * @param sharerName   display name of the user who shared
 * @param sharerEmail  address of the user who shared (the e-mail's Reply-To when valid)
 * @param resourceName name of the shared file, folder or collection
 * @param resourceKind {@code file | folder | collection}
 * @param role         {@code viewer | downloader | contributor | manager}
 * @param subject      the sharer's subject; null or blank for the default subject
 * @param message      the sharer's plain-text message; null or blank for none
 * @param expiresAt    when the share stops working; null for never
 */
public record Invitation(String sharerName, String sharerEmail, String resourceName, String resourceKind,
                         String role, String subject, String message, Instant expiresAt) {

    public Invitation {
        Objects.requireNonNull(sharerName, "sharerName");
        Objects.requireNonNull(sharerEmail, "sharerEmail");
        Objects.requireNonNull(resourceName, "resourceName");
        Objects.requireNonNull(resourceKind, "resourceKind");
        Objects.requireNonNull(role, "role");
    }

    @Override
    public String toString() {
        // Short: the sharer's subject and message are user text that logs need not repeat.
        return "Invitation[sharer=" + sharerName + ", resource=" + resourceName + ", role=" + role + "]";
    }
}
