package io.shareflow.provisioner.provisioning.model;

import java.util.Objects;
import java.util.UUID;

/**
 * A share's request for a recipient account, as read from a {@code ShareRequested} event.
 *
 * @param eventId        id of the event, for de-duplication; never null
 * @param shareId        never null
 * @param organizationId the sharer's organisation; never null
 * @param recipientEmail as the sharer wrote it, not yet validated; never null
 */
public record RecipientRequest(UUID eventId, UUID shareId, UUID organizationId, String recipientEmail) {

    public RecipientRequest {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(shareId, "shareId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(recipientEmail, "recipientEmail");
    }
}
