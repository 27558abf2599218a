package io.shareflow.notifier.notification;

import java.util.Objects;
import java.util.UUID;

/** A share was revoked ({@code ShareRevoked}): what is still to be sent for it is dropped. */
record ShareRevocation(UUID eventId, UUID shareId) {

    ShareRevocation {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(shareId, "shareId");
    }
}
