package io.shareflow.provisioner.provisioning.model;

import java.util.Objects;
import java.util.UUID;

/**
 * A share's request for a recipient account, as read from a {@code ShareRequested} event.
 *
 * @param eventId          id of the event, for de-duplication; never null
 * @param shareId          never null
 * @param organizationId   the sharer's organisation; never null
 * @param recipientEmail   as the sharer wrote it, not yet validated; never null
 * @param notifyRecipient  the share's {@code notify}: false when the sharer asked for no e-mail at all, the
 *                         registration e-mail included
 * @param sharerName       who shared, for the registration e-mail; null when unknown
 * @param sharerEmail      the sharer's address, for the registration e-mail; null when unknown
 */
public record RecipientRequest(UUID eventId, UUID shareId, UUID organizationId, String recipientEmail,
                               boolean notifyRecipient, String sharerName, String sharerEmail) {

    public RecipientRequest {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(shareId, "shareId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(recipientEmail, "recipientEmail");
    }
}
