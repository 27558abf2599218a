package io.shareflow.api.share;

import io.shareflow.api.resource.ResourceDeleted;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A deleted resource's shares stop working: each one not revoked yet is revoked with cause {@code resource-deleted}
 * (history, {@code ShareRevoked}), in the delete's own transaction ({@link ResourceDeleted} is published synchronously
 * inside it), so the delete and the revocations commit or fail together.
 */
@Component
class RevokeOnResourceDeleted {

    private final ShareManagement management;

    RevokeOnResourceDeleted(ShareManagement management) {
        this.management = management;
    }

    @EventListener
    void on(ResourceDeleted deleted) {
        management.revokeAllOf(deleted.organizationId(), deleted.resourceId(), deleted.deletedBy());
    }
}
