package io.shareflow.notifier.mail;

import java.time.Instant;
import java.util.Objects;

/**
 * What an invitation e-mail says. Every text comes from a user and is untrusted: the renderer
 * escapes it. Not null unless stated otherwise.
 *
 * @param sharerName   display name of the user who shared
 * @param sharerEmail  address of the user who shared (the e-mail's Reply-To when valid)
 * @param resourceName name of the shared file, folder or collection
 * @param resourceKind {@code file | folder | collection}
 * @param role         {@code viewer | downloader | contributor | manager}
 * @param subject      the sharer's subject; null or blank for the default subject
 * @param message      the sharer's plain-text message; null or blank for none
 * @param expiresAt    when the share stops working; null for never
 * @param linkUrl      the URL that opens the share; contains a secret, never log it
 */
public record Invitation(String sharerName, String sharerEmail, String resourceName, String resourceKind,
                         String role, String subject, String message, Instant expiresAt, String linkUrl) {

    public Invitation {
        Objects.requireNonNull(sharerName, "sharerName");
        Objects.requireNonNull(sharerEmail, "sharerEmail");
        Objects.requireNonNull(resourceName, "resourceName");
        Objects.requireNonNull(resourceKind, "resourceKind");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(linkUrl, "linkUrl");
    }

    @Override
    public String toString() {
        // The link carries the share's secret token; keep it out of logs.
        return "Invitation[sharer=" + sharerName + ", resource=" + resourceName + ", role=" + role + "]";
    }
}
