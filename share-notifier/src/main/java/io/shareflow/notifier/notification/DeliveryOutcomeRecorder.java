package io.shareflow.notifier.notification;

import java.time.Duration;

import io.shareflow.notifier.mail.DeliveryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records how a delivery attempt ended: the send-log row's new state — sent, failed, or pending again
 * with its retry scheduled — and, when the notification is finished, its result event in the outbox,
 * in one transaction.
 */
@Service
class DeliveryOutcomeRecorder {

    private static final Logger log = LoggerFactory.getLogger(DeliveryOutcomeRecorder.class);
    private static final int INTERRUPTED_BATCH = 100;

    private final Notifications notifications;
    private final NotificationResultPublisher results;
    private final RetryPolicy retryPolicy;
    private final NotificationMetrics metrics;

    DeliveryOutcomeRecorder(Notifications notifications, NotificationResultPublisher results, RetrySettings retry,
                            NotificationMetrics metrics) {
        this.notifications = notifications;
        this.results = results;
        this.retryPolicy = new RetryPolicy(retry);
        this.metrics = metrics;
    }

    @Transactional
    public void record(Notification n, DeliveryResult result) {
        switch (result.outcome()) {
            case SENT -> {
                if (notifications.markSent(n)) {
                    results.sent(n.shareId(), n.eventId(), n.messageId(), n.attempts(), n.recipientEmail());
                    AfterCommit.run(metrics::sent);
                    log.info("Sent {} for share {} (attempt {})", n.messageId(), n.shareId(), n.attempts());
                } else {
                    // Only if this attempt outlived shareflow.notifier.dispatch.in-doubt-after and was failed meanwhile.
                    log.error("Sent {} for share {}, but its attempt had already been given up as interrupted; "
                            + "raise shareflow.notifier.dispatch.in-doubt-after above the SMTP timeouts", n.messageId(), n.shareId());
                }
            }
            case TRANSIENT -> {
                if (retryPolicy.exhausted(n.attempts())) {
                    fail(n, false, "Gave up after " + n.attempts() + " attempts; last error: " + result.reason(), "exhausted");
                } else {
                    Duration backoff = retryPolicy.backoffAfter(n.attempts());
                    notifications.retryLater(n, backoff, result.reason());
                    log.warn("Attempt {} of {} for share {} failed, retrying in {}: {}", n.attempts(),
                            retryPolicy.maxAttempts(), n.shareId(), backoff, result.reason());
                }
            }
            case PERMANENT -> fail(n, true, result.reason(), "permanent");
            case IN_DOUBT -> fail(n, false, result.reason()
                    + "; not sent again automatically so as never to send it twice", "in-doubt");
        }
    }

    /**
     * Fails a claimed notification whose e-mail could not even be rendered, so no SMTP traffic happened: its link
     * no longer opens (a key was removed from {@code SHAREFLOW_EVENTS_SEAL_KEY} while it waited, or the row was
     * changed), or its row cannot be rendered. Permanent: rendering it again would fail again. The claimed attempt
     * is not counted. Logged at ERROR: the operator's keys or data are wrong, not the recipient's address.
     *
     * @param cause the metric's cause tag
     */
    @Transactional
    public void unsendable(Notification n, String reason, String cause) {
        if (notifications.markFailedUnsent(n, reason)) {
            int attempts = n.attempts() - 1;
            results.failed(n.shareId(), n.eventId(), attempts, true, reason, n.recipientEmail());
            AfterCommit.run(() -> metrics.failed(cause));
            log.error("Notification {} for share {} failed permanently after {} attempt(s), not sent: {}", n.messageId(),
                    n.shareId(), attempts, reason);
        }
    }

    /**
     * Fails attempts whose worker died before recording an outcome (crash, kill, lost database):
     * the server may have accepted the message, so it is not sent again; NotificationFailed lets
     * the share be re-sent by a person.
     *
     * @return how many were resolved
     */
    @Transactional
    public int resolveInterrupted(Duration after) {
        var interrupted = notifications.lockInterrupted(after, INTERRUPTED_BATCH);
        for (var attempt : interrupted) {
            String reason = "Delivery outcome unknown: attempt " + attempt.attempts()
                    + " was interrupted (service stopped or lost its database) after it may have reached the SMTP server;"
                    + " not sent again automatically so as never to send it twice";
            if (notifications.markFailed(attempt.eventId(), attempt.recipientPosition(), reason)) {
                results.failed(attempt.shareId(), attempt.eventId(), attempt.attempts(), false, reason,
                        attempt.recipientEmail());
                AfterCommit.run(() -> metrics.failed("in-doubt"));
                log.warn("Share {}: {}", attempt.shareId(), reason);
            }
        }
        return interrupted.size();
    }

    private void fail(Notification n, boolean permanent, String reason, String cause) {
        if (notifications.markFailed(n.eventId(), n.recipientPosition(), reason)) {
            results.failed(n.shareId(), n.eventId(), n.attempts(), permanent, reason, n.recipientEmail());
            AfterCommit.run(() -> metrics.failed(cause));
            log.warn("Notification {} for share {} failed ({}) after {} attempt(s): {}", n.messageId(), n.shareId(),
                    cause, n.attempts(), reason);
        }
    }
}
