package io.shareflow.api.access;

import java.time.Instant;
import java.util.UUID;

/**
 * A share of which the caller is a recipient.
 *
 * @param type     {@code person | link}
 * @param audience a link's audience; null for a direct share
 * @param name     a link's name; may be null
 * @param status   as read now ({@code EXPIRED} once {@code expiresAt} has passed)
 */
record SharedWithMeResponse(UUID shareId, String type, String audience, String name, Resource resource, String role,
                            String status, SharedBy sharedBy, Instant createdAt, Instant expiresAt) {

    /** @param documentType for files; null otherwise */
    record Resource(UUID id, String name, String kind, String documentType) {
    }

    record SharedBy(String name, String email) {
    }

    static SharedWithMeResponse of(ReceivedShares.Received r) {
        return new SharedWithMeResponse(r.shareId(), r.type(), r.audience(), r.name(),
                new Resource(r.resourceId(), r.resourceName(), r.resourceKind(), r.resourceDocumentType()), r.role(),
                r.status(), new SharedBy(r.sharerName(), r.sharerEmail()), r.createdAt(), r.expiresAt());
    }
}
