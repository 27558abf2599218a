package io.shareflow.notifier.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.shareflow.notifier.mail.DeliveryResult;
import io.shareflow.notifier.mail.InvitationMailer;
import io.shareflow.notifier.mail.OutgoingEmail;
import io.shareflow.schemas.SealedFieldException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Works off the send log with a few worker threads, apart from the Kafka consumer: a slow or
 * failing SMTP server never holds up a partition, and a retry waits in the database, not in memory,
 * so it survives restarts.
 *
 * <p>Each attempt: (1) claim a due row, which commits it as SENDING with the attempt counted;
 * (2) render the e-mail from the row, opening its sealed link in memory ({@link AttemptRenderer}), and talk
 * SMTP, outside any transaction; (3) record the outcome and, if final, the result event, in one transaction.
 * The rendered e-mail, which holds the link in plaintext, lives only for the attempt. A crash between (1) and (3) leaves the row SENDING; after
 * {@code in-doubt-after} it is failed without another attempt (see {@link DeliveryOutcomeRecorder#resolveInterrupted}).
 */
@Component
class NotificationDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Notifications notifications;
    private final DeliveryOutcomeRecorder outcomes;
    private final AttemptRenderer renderer;
    private final InvitationMailer mailer;
    private final DispatchSettings settings;
    private final DispatchSignal signal;
    private final NotificationMetrics metrics;
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;

    NotificationDispatcher(Notifications notifications, DeliveryOutcomeRecorder outcomes, AttemptRenderer renderer,
                           InvitationMailer mailer, DispatchSettings settings, DispatchSignal signal,
                           NotificationMetrics metrics) {
        this.notifications = notifications;
        this.outcomes = outcomes;
        this.renderer = renderer;
        this.mailer = mailer;
        this.settings = settings;
        this.signal = signal;
        this.metrics = metrics;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        for (int i = 0; i < settings.workers(); i++) {
            boolean sweeper = i == 0;
            Thread worker = new Thread(() -> work(sweeper), "notifier-dispatch-" + i);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        signal.wakeUp();
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (Thread worker : workers) {
            try {
                worker.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        workers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** @param sweeper whether this worker also resolves interrupted attempts, once per poll interval */
    private void work(boolean sweeper) {
        long lastSweep = System.nanoTime() - settings.pollInterval().toNanos();
        while (running) {
            long seen = signal.current();
            try {
                if (sweeper && System.nanoTime() - lastSweep >= settings.pollInterval().toNanos()) {
                    lastSweep = System.nanoTime();
                    outcomes.resolveInterrupted(settings.inDoubtAfter());
                }
                if (deliverNext()) {
                    continue;
                }
            } catch (RuntimeException e) {
                // The database is the likely culprit; the claimed row, if any, stays SENDING and is resolved later.
                log.warn("Notification dispatch failed, pausing {}: {}", settings.pollInterval(), e.toString());
            }
            signal.awaitAfter(seen, settings.pollInterval());
        }
    }

    /** Makes one attempt at the most overdue notification; false when none is due. */
    private boolean deliverNext() {
        Optional<Notification> claimed = notifications.claimNextDue();
        if (claimed.isEmpty()) {
            return false;
        }
        Notification n = claimed.get();
        try (var subject = n.isRegistration() ? MDC.putCloseable("userId", n.userId().toString())
                : MDC.putCloseable("shareId", n.shareId().toString())) {
            Optional<OutgoingEmail> email = render(n);
            if (email.isPresent()) {
                DeliveryResult result = mailer.send(email.get());
                metrics.attempt(result.outcome().name().toLowerCase(Locale.ROOT));
                outcomes.record(n, result);
            }
        }
        return true;
    }

    /**
     * The attempt's e-mail, rendered now with the link opened in memory; empty when it cannot be, which fails
     * the notification permanently (it would fail the same way on every attempt).
     */
    private Optional<OutgoingEmail> render(Notification n) {
        try {
            return Optional.of(renderer.render(n));
        } catch (SealedFieldException e) {
            outcomes.unsendable(n, n.isRegistration() ? LinkSealer.registrationReason(e) : LinkSealer.reason(e),
                    NotificationMetrics.UNOPENABLE);
        } catch (RuntimeException e) {
            outcomes.unsendable(n, "The e-mail cannot be rendered: " + e, "permanent");
        }
        return Optional.empty();
    }
}
