package io.shareflow.api.share;

import java.time.Instant;
import java.util.UUID;

import io.shareflow.api.share.model.Role;
import io.shareflow.api.status.model.Notification;
import io.shareflow.api.status.model.Provisioning;
import io.shareflow.api.status.model.ShareStatus;

/**
 * A share as stored, for reading. {@code expiresAt} may be null (never).
 *
 * @param sharerUserId who created the share
 * @param sealedLink   the share's URL, sealed (context: the share id); null for shares created before it was kept
 */
record ShareView(UUID id, UUID requestId, UUID resourceId, String recipientEmail, UUID sharerUserId, Role role,
                 ShareStatus status, Provisioning provisioning, Notification notification, Instant expiresAt,
                 Instant createdAt, Instant updatedAt, byte[] sealedLink) {

    @Override
    public String toString() {
        return "ShareView[id=" + id + ", requestId=" + requestId + ", status=" + status + "]";
    }
}
