package io.shareflow.api.share.model;

import java.time.Instant;
import java.util.UUID;

import io.shareflow.api.resource.model.DocumentType;
import io.shareflow.api.resource.model.ResourceKind;

/**
 * A resource was shared with one recipient by e-mail invitation: everything the recipient's
 * provisioning and the invitation need. One per share.
 *
 * @param documentType null for folders and collections
 * @param recipientUserId null when only an address was given
 * @param subject may be null
 * @param message may be null
 * @param expiresAt null = never
 * @param sealedLink the share's URL (which holds the secret link token), sealed with the share id as context; only
 *                   share-api and share-notifier can open it. Never the URL in plaintext.
 * @param attempt 0 for the share's first one; N when it is published again as re-send N of a share whose
 *                provisioning never answered (the invitation's Message-ID is per share and attempt)
 */
public record ShareRequested(UUID eventId, Instant occurredAt, UUID shareId, UUID requestId, UUID organizationId,
                             UUID resourceId, String resourceName, ResourceKind resourceKind,
                             DocumentType documentType, UUID sharerUserId, String sharerName, String sharerEmail,
                             String recipientEmail, UUID recipientUserId, Role role, String subject, String message,
                             Instant expiresAt, boolean notifyRecipient, byte[] sealedLink,
                             int attempt) {

    @Override
    public String toString() {
        return "ShareRequested[eventId=" + eventId + ", shareId=" + shareId + ", requestId=" + requestId
                + ", attempt=" + attempt + "]";
    }
}
