package io.shareflow.api.access;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One share that grants access to a resource, and how it reaches it.
 *
 * @param via        {@code direct | inherited | collection}
 * @param resourceId the resource the share is of
 * @param recipient  a direct share's recipient; null for a link
 * @param audience   a link's audience; null for a direct share
 * @param recipients a link's recipients (for {@code users}: who may open it; otherwise who it was e-mailed to);
 *                   empty for a direct share
 */
record PermissionResponse(UUID shareId, String shareType, String via, UUID resourceId, String role, String status,
                          Recipient recipient, String audience, List<Recipient> recipients, SharedBy sharedBy,
                          Instant createdAt, Instant expiresAt) {

    record Recipient(String email, UUID userId) {
    }

    record SharedBy(UUID userId, String name, String email) {
    }

    static PermissionResponse of(AccessGrants.Permission p) {
        boolean link = "link".equals(p.grant().shareType());
        return new PermissionResponse(p.grant().shareId(), p.grant().shareType(), p.grant().via().value(),
                p.grant().resourceId(), p.grant().role(), p.status(),
                link ? null : new Recipient(p.recipientEmail(), p.recipientUserId()), p.grant().audience(),
                p.recipients().stream().map(r -> new Recipient(r.email(), r.userId())).toList(),
                new SharedBy(p.sharedByUserId(), p.sharedByName(), p.sharedByEmail()), p.createdAt(),
                p.grant().expiresAt());
    }
}
