package io.shareflow.notifier.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * {@code shareflow.notifier.emails.sent}, {@code shareflow.notifier.emails.failed} (tag {@code cause}:
 * {@code permanent | exhausted | unopenable | unrecordable}), {@code shareflow.notifier.emails.retried} (an attempt
 * failed and another is scheduled), {@code shareflow.notifier.emails.skipped}, delivery attempts by outcome, and the
 * send-log backlog. The e-mail counters are registered at start, at zero, so their series exist before the first
 * failure (a rate or an alert needs them).
 */
@Component
class NotificationMetrics {

    /**
     * The cause of a failure whose sealed link did not open: permanent too, but counted apart because it points
     * at the keys ({@code SHAREFLOW_EVENTS_SEAL_KEY}) or at a corrupted event, not at a recipient.
     */
    static final String UNOPENABLE = "unopenable";

    /** The cause of a failure reported for an event that was dead-lettered ({@link DeadLetteredNotificationHandler}). */
    static final String DEAD_LETTERED = "dead-lettered";

    private final MeterRegistry registry;
    private final Counter sent;
    private final Counter skipped;
    private final Counter retried;

    NotificationMetrics(MeterRegistry registry, Notifications notifications) {
        this.registry = registry;
        this.sent = Counter.builder("shareflow.notifier.emails.sent")
                .description("E-mails accepted by the SMTP server (invitations, links, registration links)").register(registry);
        this.skipped = Counter.builder("shareflow.notifier.emails.skipped")
                .description("Shares with notify=false: no e-mail, NotificationSent(skipped)").register(registry);
        this.retried = Counter.builder("shareflow.notifier.emails.retried")
                .description("Delivery attempts that failed for now, with another attempt scheduled").register(registry);
        for (String cause : new String[] {"permanent", "exhausted", UNOPENABLE, "unrecordable", DEAD_LETTERED}) {
            failedCounter(cause);
        }
        Gauge.builder("shareflow.notifier.notifications.pending", notifications, Notifications::countPending)
                .description("Notifications waiting for a (re)try or in a batch under way").register(registry);
    }

    void sent() {
        sent.increment();
    }

    void retried() {
        retried.increment();
    }

    void skipped() {
        skipped.increment();
    }

    void failed(String cause) {
        failedCounter(cause).increment();
    }

    void attempt(String outcome) {
        Counter.builder("shareflow.notifier.delivery.attempts").tag("outcome", outcome)
                .description("SMTP delivery attempts by outcome").register(registry).increment();
    }

    private Counter failedCounter(String cause) {
        return Counter.builder("shareflow.notifier.emails.failed").tag("cause", cause)
                .description("E-mails given up (for a share's, NotificationFailed published)").register(registry);
    }
}
