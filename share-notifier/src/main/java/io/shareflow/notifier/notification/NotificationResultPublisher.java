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
 * that knows the Avro classes of this service's events. Every result names its recipient ({@code recipientEmail},
 * version 2): a share by link has one result per recipient, all with the same share id and causation.
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

    /** The SMTP server accepted the e-mail to {@code recipientEmail} at attempt {@code attempt} (from 1). */
    void sent(UUID shareId, UUID causationEventId, String messageId, int attempt, String recipientEmail) {
        publish(shareId, NotificationSent.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(clock.instant())
                .setShareId(shareId)
                .setCausationEventId(causationEventId)
                .setMessageId(messageId)
                .setAttempt(attempt)
                .setSkipped(false)
                .setRecipientEmail(recipientEmail)
                .build());
    }

    /** For {@code notify = false}: nothing was sent, on purpose; attempt 0 as none was made. */
    void skipped(UUID shareId, UUID causationEventId, String recipientEmail) {
        publish(shareId, NotificationSent.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(clock.instant())
                .setShareId(shareId)
                .setCausationEventId(causationEventId)
                .setMessageId(null)
                .setAttempt(0)
                .setSkipped(true)
                .setRecipientEmail(recipientEmail)
                .build());
    }

    void failed(UUID shareId, UUID causationEventId, int attempts, boolean permanent, String reason,
                String recipientEmail) {
        publish(shareId, NotificationFailed.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(clock.instant())
                .setShareId(shareId)
                .setCausationEventId(causationEventId)
                .setAttempts(attempts)
                .setPermanent(permanent)
                .setReason(reason)
                .setRecipientEmail(recipientEmail)
                .build());
    }

    private void publish(UUID shareId, SpecificRecord event) {
        outbox.append(topics.shareNotifications(), AGGREGATE, shareId.toString(), event);
    }
}
