package io.shareflow.notifier.notification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import io.shareflow.notifier.mail.DeliveryResult;
import io.shareflow.notifier.mail.OutgoingEmail;
import io.shareflow.notifier.mail.SmtpConnection;
import io.shareflow.schemas.SealedFieldException;
import io.shareflow.support.tracing.LogContext;
import io.shareflow.support.tracing.TraceContinuation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One batch of a dispatch worker, in ONE transaction: claim up to {@code batch-size} due notifications (their rows
 * locked, nothing changed), send them one after the other over the worker's SMTP connection, record every outcome,
 * commit. The rendered e-mails, which hold the links in plaintext, live only while each is sent.
 *
 * <p>Why one transaction: the claim is the row lock, so nothing about an attempt is committed before its outcome. If
 * the process dies mid-batch, PostgreSQL sees its connection close and rolls the batch back; the rows are due again at
 * once and any worker of any instance sends them again with the same Message-ID. Only the e-mails of that batch that
 * the server had already accepted can thus arrive twice (at-least-once, at most {@code batch-size} per worker).
 *
 * <p>The transaction's time is bounded: the batch stops sending at {@code batch-time-limit} (the rest go back as they
 * were), and when the server cannot be reached the remaining e-mails are not tried one connect timeout after the
 * other — they share that attempt's outcome (a retry later), as each would have met the same closed door.
 *
 * <p>Each e-mail is sent, and its outcome recorded, in a span continuing the trace stored with its row (the trace of
 * the request that asked for it), so the send's log lines and the result event it publishes carry that trace.
 *
 * <p>The outcomes are recorded after the sends, ordered by share: each result event takes the outbox's lock on its key
 * until the commit, and two batches taking keys in one order never wait for each other in a circle.
 */
@Component
class DeliveryBatch {

    private static final Logger log = LoggerFactory.getLogger(DeliveryBatch.class);
    /** The spans of one notification's attempt and of recording its outcome, in the trace of its share request. */
    private static final String SEND_SPAN = "notification send";
    private static final String OUTCOME_SPAN = "notification outcome";
    private static final Comparator<Outcome> BY_KEY = Comparator.comparing(
            (Outcome o) -> o.notification().shareId() == null ? "" : o.notification().shareId().toString());

    private final Notifications notifications;
    private final DeliveryOutcomeRecorder outcomes;
    private final AttemptRenderer renderer;
    private final NotificationMetrics metrics;
    private final DispatchSettings settings;
    private final TransactionTemplate transactions;
    private final TransactionTemplate savepoints;
    private final TraceContinuation traces;

    DeliveryBatch(Notifications notifications, DeliveryOutcomeRecorder outcomes, AttemptRenderer renderer,
                  NotificationMetrics metrics, DispatchSettings settings, PlatformTransactionManager transactionManager,
                  TraceContinuation traces) {
        this.traces = traces;
        this.notifications = notifications;
        this.outcomes = outcomes;
        this.renderer = renderer;
        this.metrics = metrics;
        this.settings = settings;
        this.transactions = new TransactionTemplate(transactionManager);
        this.savepoints = new TransactionTemplate(transactionManager);
        this.savepoints.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Claims, sends and records one batch.
     *
     * @param smtp      the worker's connection, kept open for its next batch
     * @param keepGoing false once the worker is asked to stop: what is not sent yet goes back unsent
     * @return how many notifications it claimed; 0 when none was due
     */
    int deliver(SmtpConnection smtp, BooleanSupplier keepGoing) {
        Integer claimed = transactions.execute(status -> deliverClaimed(smtp, keepGoing));
        return claimed == null ? 0 : claimed;
    }

    private int deliverClaimed(SmtpConnection smtp, BooleanSupplier keepGoing) {
        List<Notification> batch = notifications.claimDue(settings.batchSize());
        if (batch.isEmpty()) {
            return 0;
        }
        long deadline = System.nanoTime() + settings.batchTimeLimit().toNanos();
        List<Outcome> done = new ArrayList<>(batch.size());
        DeliveryResult unreachable = null;
        for (Notification n : batch) {
            if (!keepGoing.getAsBoolean() || System.nanoTime() - deadline > 0) {
                break;
            }
            if (unreachable != null) {
                metrics.attempt(name(unreachable));
                done.add(Outcome.of(n, unreachable));
                continue;
            }
            try (var trace = traces.continueTrace(n.traceparent(), SEND_SPAN); var subject = subjectOf(n)) {
                Outcome outcome = attempt(n, smtp);
                done.add(outcome);
                if (outcome.result() != null && smtp.serverUnreachable()) {
                    unreachable = outcome.result();
                }
            }
        }
        done.sort(BY_KEY);
        for (Outcome outcome : done) {
            Notification n = outcome.notification();
            try (var trace = traces.continueTrace(n.traceparent(), OUTCOME_SPAN); var subject = subjectOf(n)) {
                record(outcome);
            }
        }
        return batch.size();
    }

    /**
     * Records one outcome under a savepoint of the batch's transaction. An outcome the database refuses (a value it
     * cannot store, say) must not roll the batch back: every e-mail of it would go out again at the next claim, and
     * again, without end. That row fails instead, with the cause, and its share hears of it. A database that is gone
     * fails this fallback too, and the batch rolls back as after a crash.
     */
    private void record(Outcome outcome) {
        try {
            savepoints.executeWithoutResult(status -> outcome.record(outcomes));
        } catch (RuntimeException e) {
            log.error("The outcome of {} could not be recorded; failing it instead: {}",
                    outcome.notification().about(), e.toString());
            savepoints.executeWithoutResult(status -> outcomes.unrecordable(outcome.notification(), e));
        }
    }

    /** Renders the e-mail with its link opened in memory, and sends it; a row that cannot be rendered fails for good. */
    private Outcome attempt(Notification n, SmtpConnection smtp) {
        OutgoingEmail email;
        try {
            email = renderer.render(n);
        } catch (SealedFieldException e) {
            return Outcome.unsendable(n, n.isRegistration() ? LinkSealer.registrationReason(e) : LinkSealer.reason(e),
                    NotificationMetrics.UNOPENABLE);
        } catch (RuntimeException e) {
            return Outcome.unsendable(n, "The e-mail cannot be rendered: " + e, "permanent");
        }
        DeliveryResult result = smtp.send(email);
        metrics.attempt(name(result));
        return Outcome.of(n, result);
    }

    private static String name(DeliveryResult result) {
        return result.outcome().name().toLowerCase(Locale.ROOT);
    }

    private static MDC.MDCCloseable subjectOf(Notification n) {
        return n.isRegistration() ? LogContext.user(n.userId()) : LogContext.share(n.shareId());
    }

    /** What became of one claimed notification: an SMTP result, or unsendable (its reason and metric cause). */
    private record Outcome(Notification notification, DeliveryResult result, String unsendableReason, String cause) {

        static Outcome of(Notification n, DeliveryResult result) {
            return new Outcome(n, result, null, null);
        }

        static Outcome unsendable(Notification n, String reason, String cause) {
            return new Outcome(n, null, reason, cause);
        }

        void record(DeliveryOutcomeRecorder outcomes) {
            if (result != null) {
                outcomes.record(notification, result);
            } else {
                outcomes.unsendable(notification, unsendableReason, cause);
            }
        }
    }
}
