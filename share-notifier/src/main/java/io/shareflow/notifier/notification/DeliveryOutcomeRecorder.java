package io.shareflow.notifier.notification;

import java.time.Duration;

import io.shareflow.notifier.mail.DeliveryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records how a delivery attempt ended: the send-log row's new state — sent, failed, or pending again
 * with its retry scheduled — and, when a share's notification is finished, its result event in the outbox. It joins
 * the batch's transaction ({@link DeliveryBatch}), which commits every outcome of the batch at once. A registration e-mail is of a user, not of a share: it publishes no result (the row, the log
 * and the metrics are its report), and its failure is logged at ERROR, since nobody else hears of it — the user
 * can be re-invited ({@code POST /v1/users/{id}/invitations} on user-provisioner).
 */
@Service
class DeliveryOutcomeRecorder {

    private static final Logger log = LoggerFactory.getLogger(DeliveryOutcomeRecorder.class);
    private static final String REINVITE_HINT = "; the user can be re-invited (POST /v1/users/{id}/invitations)";

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
                    if (!n.isRegistration()) {
                        results.sent(n.shareId(), n.eventId(), n.messageId(), n.attempts(), n.recipientEmail());
                    }
                    AfterCommit.run(metrics::sent);
                    log.info("Sent {} for {} (attempt {})", n.messageId(), n.about(), n.attempts());
                }
            }
            // In doubt: the server may have accepted it. Sent again with the same Message-ID (at-least-once: a
            // receiver that sees it twice can tell it is one message), as a transient failure would be.
            case TRANSIENT, IN_DOUBT -> {
                if (retryPolicy.exhausted(n.attempts())) {
                    fail(n, false, "Gave up after " + n.attempts() + " attempts; last error: " + result.reason(), "exhausted");
                } else {
                    Duration backoff = retryPolicy.backoffAfter(n.attempts());
                    notifications.retryLater(n, backoff, result.reason());
                    AfterCommit.run(metrics::retried);
                    log.warn("Attempt {} of {} for {} failed, retrying in {}: {}", n.attempts(),
                            retryPolicy.maxAttempts(), n.about(), backoff, result.reason());
                }
            }
            case PERMANENT -> fail(n, true, result.reason(), "permanent");
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
            if (!n.isRegistration()) {
                results.failed(n.shareId(), n.eventId(), attempts, true, reason, n.recipientEmail());
            }
            AfterCommit.run(() -> metrics.failed(cause));
            log.error("Notification {} for {} failed permanently after {} attempt(s), not sent: {}{}", n.messageId(),
                    n.about(), attempts, reason, n.isRegistration() ? REINVITE_HINT : "");
        }
    }

    /**
     * Fails a claimed notification whose outcome could not be recorded ({@link DeliveryBatch}): its e-mail may have
     * gone out, but nothing else would stop it being sent again at every claim. Permanent; the sender can re-send.
     */
    @Transactional
    public void unrecordable(Notification n, RuntimeException cause) {
        fail(n, true, "The outcome of the attempt could not be recorded (the e-mail may have been sent): " + cause,
                "unrecordable");
    }

    private void fail(Notification n, boolean permanent, String reason, String cause) {
        if (notifications.markFailed(n, reason)) {
            AfterCommit.run(() -> metrics.failed(cause));
            if (n.isRegistration()) {
                log.error("Registration e-mail {} for {} failed ({}) after {} attempt(s): {}{}", n.messageId(),
                        n.about(), cause, n.attempts(), reason, REINVITE_HINT);
            } else {
                results.failed(n.shareId(), n.eventId(), n.attempts(), permanent, reason, n.recipientEmail());
                log.warn("Notification {} for {} failed ({}) after {} attempt(s): {}", n.messageId(), n.about(),
                        cause, n.attempts(), reason);
            }
        }
    }
}
