package io.shareflow.notifier.notification;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.shareflow.events.NotificationFailed;
import io.shareflow.events.NotificationSent;

/** Builds the events this service publishes; the one place that knows their Avro classes. */
final class ResultEvents {

    private ResultEvents() {
    }

    static NotificationSent sent(UUID shareId, UUID causationEventId, String messageId, int attempt) {
        return NotificationSent.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now())
                .setShareId(shareId)
                .setCausationEventId(causationEventId)
                .setMessageId(messageId)
                .setAttempt(attempt)
                .setSkipped(false)
                .build();
    }

    /** For {@code notify = false}: nothing was sent, on purpose; attempt 0 as none was made. */
    static NotificationSent skipped(UUID shareId, UUID causationEventId) {
        return NotificationSent.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now())
                .setShareId(shareId)
                .setCausationEventId(causationEventId)
                .setMessageId(null)
                .setAttempt(0)
                .setSkipped(true)
                .build();
    }

    static NotificationFailed failed(UUID shareId, UUID causationEventId, int attempts, boolean permanent,
                                     String reason) {
        return NotificationFailed.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now())
                .setShareId(shareId)
                .setCausationEventId(causationEventId)
                .setAttempts(attempts)
                .setPermanent(permanent)
                .setReason(reason)
                .build();
    }

    private static Instant now() {
        // timestamp-millis: say so here rather than have the encoder drop the rest silently.
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
