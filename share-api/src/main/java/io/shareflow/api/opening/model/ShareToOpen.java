package io.shareflow.api.opening.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import io.shareflow.api.share.model.Audience;
import io.shareflow.api.status.model.ShareStatus;

/**
 * What the opening rules need of a share.
 *
 * @param link                 a link ({@code type link}); else a direct share ({@code type person})
 * @param audience             a link's audience; null for a direct share
 * @param status               as stored (an expiry may have passed since: see {@link OpeningRules#finalState})
 * @param provisioningRejected provisioning refused the recipient
 * @param expiresAt            null = never
 * @param requireSignIn        a direct share that never opens without sign-in as its recipient
 * @param recipientEmail       a direct share's recipient; null for a link
 * @param recipientUserId      a direct share's recipient, when it was named by user id; else null
 */
public record ShareToOpen(UUID shareId, UUID organizationId, boolean link, Audience audience, ShareStatus status,
                          boolean provisioningRejected, Instant expiresAt, boolean requireSignIn, String recipientEmail,
                          UUID recipientUserId) {

    public ShareToOpen {
        Objects.requireNonNull(shareId, "shareId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(status, "status");
        if (link != (audience != null)) {
            throw new IllegalArgumentException("a link has an audience, a direct share none");
        }
    }
}
