package io.shareflow.api.status;

import io.shareflow.api.status.model.ShareOutcome;
import io.shareflow.events.NotificationFailed;
import io.shareflow.events.NotificationSent;
import io.shareflow.support.tracing.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * share-notifier's reports on invitations: a direct share's, or (version 2, with {@code recipientEmail}) the e-mail
 * to one recipient of a link.
 */
@Component
@KafkaListener(id = "share-api-notifications", idIsGroup = false, topics = "${shareflow.topics.share-notifications}")
class NotificationListener {

    private static final Logger log = LoggerFactory.getLogger(NotificationListener.class);

    private final ShareStatusTracker tracker;

    NotificationListener(ShareStatusTracker tracker) {
        this.tracker = tracker;
    }

    @KafkaHandler
    void on(NotificationSent event) {
        try (var logContext = LogContext.share(event.getShareId())) {
            tracker.apply(ShareOutcome.notified(event.getEventId(), event.getOccurredAt(), event.getShareId(),
                    event.getSkipped(), event.getRecipientEmail()));
        }
    }

    @KafkaHandler
    void on(NotificationFailed event) {
        try (var logContext = LogContext.share(event.getShareId())) {
            tracker.apply(ShareOutcome.notificationFailed(event.getEventId(), event.getOccurredAt(),
                    event.getShareId(), event.getPermanent(), event.getRecipientEmail(), event.getReason()));
        }
    }

    /** Event types added to the topic later are not ours to handle. */
    @KafkaHandler(isDefault = true)
    void other(Object event) {
        log.debug("Ignoring {}", event.getClass().getSimpleName());
    }
}
