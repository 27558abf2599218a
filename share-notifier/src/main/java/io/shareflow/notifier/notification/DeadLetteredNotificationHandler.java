package io.shareflow.notifier.notification;

import io.shareflow.outbox.ProcessedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports the notifications of a dead-lettered share event as failed, at once ({@code NotificationFailed(permanent)}
 * with the cause, one per recipient), so that its share does not wait for share-api's stuck-share sweep. Once per
 * event, under a consumer name of its own: the event's own handling rolled back, so {@code share-notifier} never
 * marked it, and a record dead-lettered twice is reported once.
 */
@Service
class DeadLetteredNotificationHandler {

    /** The processed-event name of these reports, apart from {@link NotificationRequestHandler#CONSUMER}. */
    static final String CONSUMER = "share-notifier-dead-letters";

    private static final Logger log = LoggerFactory.getLogger(DeadLetteredNotificationHandler.class);

    private final ProcessedEvents processedEvents;
    private final NotificationResultPublisher results;
    private final NotificationMetrics metrics;

    DeadLetteredNotificationHandler(ProcessedEvents processedEvents, NotificationResultPublisher results,
                                    NotificationMetrics metrics) {
        this.processedEvents = processedEvents;
        this.results = results;
        this.metrics = metrics;
    }

    @Transactional
    public void accept(DeadLetteredNotification dead) {
        if (!processedEvents.markProcessed(CONSUMER, dead.eventId())) {
            log.debug("Dead-lettered event {} of share {} already reported", dead.eventId(), dead.shareId());
            return;
        }
        for (String recipient : dead.recipients()) {
            results.failed(dead.shareId(), dead.eventId(), 0, true, dead.reason(), recipient);
            AfterCommit.run(() -> metrics.failed(NotificationMetrics.DEAD_LETTERED));
        }
        log.error("Event {} of share {} was dead-lettered: {} notification(s) reported failed, nothing sent ({})",
                dead.eventId(), dead.shareId(), dead.recipients().size(), dead.reason());
    }
}
