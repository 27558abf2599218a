package io.shareflow.api.access;

import java.time.Instant;
import java.util.UUID;

import io.shareflow.api.access.model.Grant;

/**
 * The caller's effective role on a resource and the share that grants it; both null when none.
 *
 * @param role      {@code viewer | downloader | contributor | manager}, or null
 * @param grantedBy the strongest granting share, or null
 */
record AccessResponse(String role, GrantedBy grantedBy) {

    /**
     * @param resourceId the resource the share is of (itself, a folder above it, or a collection)
     * @param via        {@code direct | inherited | collection}
     * @param shareType  {@code person | link}
     * @param audience   a link's audience; null for a direct share
     */
    record GrantedBy(UUID shareId, String shareType, String audience, UUID resourceId, String via, Instant expiresAt) {
    }

    static AccessResponse of(Grant grant) {
        if (grant == null) {
            return new AccessResponse(null, null);
        }
        return new AccessResponse(grant.role(), new GrantedBy(grant.shareId(), grant.shareType(), grant.audience(),
                grant.resourceId(), grant.via().value(), grant.expiresAt()));
    }
}
