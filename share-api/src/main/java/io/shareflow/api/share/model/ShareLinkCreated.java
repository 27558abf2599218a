package io.shareflow.api.share.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.shareflow.api.resource.model.ResourceKind;

/**
 * A resource was shared by link: everything the link's row and the e-mails to its recipients need. The link is a
 * share; its id is the event's {@code linkId} and key.
 *
 * @param name       the link's display name; may be null
 * @param expiresAt  null = never
 * @param recipients de-duplicated, in request order; may be empty
 * @param subject    may be null
 * @param message    may be null
 * @param sealedLink the link's URL (which holds the secret token), sealed with the share id as context, exactly as
 *                   {@link ShareRequested#sealedLink()}; never the URL in plaintext
 */
public record ShareLinkCreated(UUID eventId, Instant occurredAt, UUID shareId, UUID requestId, UUID organizationId,
                               UUID resourceId, String resourceName, ResourceKind resourceKind, UUID sharerUserId,
                               String sharerName, String sharerEmail, Audience audience, Role role, String name,
                               Instant expiresAt, List<Recipient> recipients, boolean notifyRecipient, String subject,
                               String message, byte[] sealedLink) {

    public ShareLinkCreated {
        recipients = List.copyOf(recipients);
    }

    @Override
    public String toString() {
        return "ShareLinkCreated[eventId=" + eventId + ", shareId=" + shareId + ", audience=" + audience + "]";
    }
}
