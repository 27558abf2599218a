package io.shareflow.api.share;

import java.time.Instant;
import java.util.UUID;

import io.shareflow.api.share.model.Audience;
import io.shareflow.api.share.model.Role;
import io.shareflow.api.share.model.ShareType;
import io.shareflow.api.status.model.Notification;
import io.shareflow.api.status.model.Provisioning;
import io.shareflow.api.status.model.ShareStatus;

/**
 * A share as stored, for reading. {@code expiresAt} may be null (never).
 *
 * @param recipientEmail null for a link
 * @param recipientUserId the user a direct share's sharer named by id; null when only an address was given, and for
 *                       links
 * @param sharerUserId   who created the share
 * @param requestedRole  the role asked for when the sharing policy lowered it to {@code role}; else null
 * @param audience       a link's; null for a direct share
 * @param name           a link's display name; may be null
 * @param requireSignIn  a direct share's; false for links
 * @param sealedLink     the share's URL, sealed (context: the share id); null for shares created before it was kept
 */
record ShareView(UUID id, UUID requestId, ShareType type, UUID resourceId, String recipientEmail,
                 UUID recipientUserId, UUID sharerUserId, Role role, Role requestedRole, ShareStatus status,
                 Provisioning provisioning, Notification notification, Audience audience, String name,
                 boolean requireSignIn, Instant expiresAt, Instant createdAt, Instant updatedAt, byte[] sealedLink) {

    boolean isLink() {
        return type == ShareType.LINK;
    }

    @Override
    public String toString() {
        return "ShareView[id=" + id + ", type=" + type + ", requestId=" + requestId + ", status=" + status + "]";
    }
}
