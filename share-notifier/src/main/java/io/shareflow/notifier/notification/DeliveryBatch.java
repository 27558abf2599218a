package io.shareflow.notifier.notification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
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
 * One batch of the dispatcher, in ONE transaction: claim up to {@code batch-size} due notifications per worker (their
 * rows locked, nothing changed), the workers send them in parallel, each over its own SMTP connection and taking the
 * next row when done with one, every outcome is recorded, commit. The rendered e-mails, which hold the links in
 * plaintext, live only while each is sent.
 *
 * <p>Why one transaction: the claim is the row lock, so nothing about an attempt is committed before its outcome. If
 * the process dies mid-batch, PostgreSQL sees its connection close and rolls the batch back; the rows are due again at
 * once and any worker of any instance sends them again with the same Message-ID. Only the e-mails of that batch that
 * the server had already accepted can thus arrive twice (at-least-once, at most {@code batch-size} per worker).
 *
 * <p>Why one batch for all workers, not one each: a transaction held open while e-mails are sent holds back what
 * PostgreSQL may clean up. Sent rows leave the due index only as dead entries, at its head where every claim starts,
 * and while another transaction that was open when they were sent is still open they cannot be pruned. Batches of
 * their own per worker would overlap, and each claim would walk the last seconds' sent rows and the rows the other
 * workers hold (about 2,000 buffers, 8–15 ms a claim at 100 shares/s, measured with four such workers). With one
 * batch at a time, the rows the previous batch sent are dead to every transaction by the next claim.
 *
 * <p>The transaction's time is bounded: the batch stops sending at {@code batch-time-limit} (the rest go back as they
 * were), and when the server cannot be reached the remaining e-mails are not tried one connect timeout after the
 * other — they share that attempt's outcome (a retry later), as each would have met the same closed door.
 *
 * <p>Each e-mail is sent, and its outcome recorded, in a span continuing the trace stored with its row (the trace of
 * the request that asked for it), so the send's log lines and the result event it publishes carry that trace.
 *
 * <p>The outcomes are recorded after the sends, on the batch's thread, ordered by share: each result event takes the
 * outbox's lock on its key until the commit, and two batches (of two instances) taking keys in one order never wait
 * for each other in a circle.
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
     * @param connections the workers' connections, one per worker, kept open for the next batch
     * @param senders     runs the workers; a batch of fewer rows than workers uses as many workers as it has rows
     * @param keepGoing   false once the dispatcher is asked to stop: what is not sent yet goes back unsent
     * @return how many notifications it claimed; 0 when none was due
     */
    int deliver(List<SmtpConnection> connections, Executor senders, BooleanSupplier keepGoing) {
        Integer claimed = transactions.execute(status -> deliverClaimed(connections, senders, keepGoing));
        return claimed == null ? 0 : claimed;
    }

    /** The most notifications one batch claims: {@code batch-size} for each worker. */
    private int limit() {
        return settings.workers() * settings.batchSize();
    }

    private int deliverClaimed(List<SmtpConnection> connections, Executor senders, BooleanSupplier keepGoing) {
        List<Notification> batch = notifications.claimDue(limit());
        if (batch.isEmpty()) {
            return 0;
        }
        Round round = new Round(new ConcurrentLinkedQueue<>(batch),
                System.nanoTime() + settings.batchTimeLimit().toNanos(), keepGoing);
        List<CompletableFuture<List<Outcome>>> workers = new ArrayList<>();
        List<Outcome> done = new ArrayList<>(batch.size());
        try {
            connections.stream().limit(batch.size())
                    .forEach(smtp -> workers.add(CompletableFuture.supplyAsync(() -> send(round, smtp), senders)));
            workers.forEach(worker -> done.addAll(worker.join()));
        } catch (RuntimeException | Error e) {
            // The batch rolls back: what was sent goes again with the same Message-ID. The other workers stop at their
            // next row; the transaction waits for them, so that no e-mail of it is still going out when it ends.
            round.abandon();
            workers.forEach(worker -> worker.handle((outcomes, failure) -> null).join());
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof Error error) {
                throw error;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
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

    /** One worker's part of a batch: the next row of the batch, until none is left, time is up or it must stop. */
    private List<Outcome> send(Round round, SmtpConnection smtp) {
        List<Outcome> done = new ArrayList<>();
        for (Notification n = round.next(); n != null; n = round.next()) {
            DeliveryResult unreachable = round.unreachable.get();
            if (unreachable != null) {
                metrics.attempt(name(unreachable));
                done.add(Outcome.of(n, unreachable));
                continue;
            }
            try (var trace = traces.continueTrace(n.traceparent(), SEND_SPAN); var subject = subjectOf(n)) {
                Outcome outcome = attemptOrInDoubt(n, smtp);
                done.add(outcome);
                if (outcome.result() != null && smtp.serverUnreachable()) {
                    round.unreachable.compareAndSet(null, outcome.result());
                }
            }
        }
        return done;
    }

    /** The rows of one batch still to send, shared by its workers, and what they learnt of the server. */
    private static final class Round {

        private final Queue<Notification> rows;
        private final long deadline;
        private final BooleanSupplier keepGoing;
        /** The outcome that found the server unreachable: the rest of the batch shares it. */
        private final AtomicReference<DeliveryResult> unreachable = new AtomicReference<>();
        private volatile boolean abandoned;

        Round(Queue<Notification> rows, long deadline, BooleanSupplier keepGoing) {
            this.rows = rows;
            this.deadline = deadline;
            this.keepGoing = keepGoing;
        }

        /** The next row to send, or null: none left, the time limit reached, or the batch stopped. */
        Notification next() {
            if (abandoned || !keepGoing.getAsBoolean() || System.nanoTime() - deadline > 0) {
                return null;
            }
            return rows.poll();
        }

        void abandon() {
            abandoned = true;
        }
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

    /**
     * {@link #attempt}, or in doubt if it failed unexpectedly: the e-mail may have gone out, so it is retried with the
     * same Message-ID, and the connection, in a state nobody knows, is closed. Thrown on, the failure would roll back
     * the whole batch and send every e-mail of it again, at every claim if it recurs.
     */
    private Outcome attemptOrInDoubt(Notification n, SmtpConnection smtp) {
        try {
            return attempt(n, smtp);
        } catch (RuntimeException e) {
            log.error("The attempt of {} failed unexpectedly; in doubt, it is retried", n.about(), e);
            smtp.close();
            return Outcome.of(n, DeliveryResult.failed(DeliveryResult.Outcome.IN_DOUBT,
                    "The attempt failed unexpectedly: " + e));
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
