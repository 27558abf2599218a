package io.shareflow.notifier.notification;

import java.time.Clock;
import java.util.UUID;

import io.shareflow.events.NotificationFailed;
import io.shareflow.events.NotificationSent;
import io.shareflow.outbox.OutboxWriter;
import io.shareflow.support.kafka.TopicNames;
import org.apache.avro.specific.SpecificRecord;

import org.springframework.stereotype.Component;

/**
 * Publishes how a notification ended — {@code NotificationSent} or {@code NotificationFailed} on the
 * notifications topic (key = shareId) — through the outbox, in the caller's transaction. The one place
 * that knows the Avro classes of this service's events.
 */
@Component
class NotificationResultPublisher {

    private static final String AGGREGATE = "share";

    private final OutboxWriter outbox;
    private final TopicNames topics;
    private final Clock clock;

    NotificationResultPublisher(OutboxWriter outbox, TopicNames topics, Clock clock) {
        this.outbox = outbox;
        this.topics = topics;
        this.clock = clock;
    }

    /** The SMTP server accepted the e-mail at attempt {@code attempt} (from 1). */
    void sent(UUID shareId, UUID causationEventId, String messageId, int attempt) {
        publish(shareId, NotificationSent.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(clock.instant())
                .setShareId(shareId)
                .setCausationEventId(causationEventId)
                .setMessageId(messageId)
                .setAttempt(attempt)
                .setSkipped(false)
                .build());
    }

    /** For {@code notify = false}: nothing was sent, on purpose; attempt 0 as none was made. */
    void skipped(UUID shareId, UUID causationEventId) {
        publish(shareId, NotificationSent.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(clock.instant())
                .setShareId(shareId)
                .setCausationEventId(causationEventId)
                .setMessageId(null)
                .setAttempt(0)
                .setSkipped(true)
                .build());
    }

    void failed(UUID shareId, UUID causationEventId, int attempts, boolean permanent, String reason) {
        publish(shareId, NotificationFailed.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(clock.instant())
                .setShareId(shareId)
                .setCausationEventId(causationEventId)
                .setAttempts(attempts)
                .setPermanent(permanent)
                .setReason(reason)
                .build());
    }

    private void publish(UUID shareId, SpecificRecord event) {
        outbox.append(topics.shareNotifications(), AGGREGATE, shareId.toString(), event);
    }
}
