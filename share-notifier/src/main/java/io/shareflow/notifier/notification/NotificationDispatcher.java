package io.shareflow.notifier.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.shareflow.notifier.mail.InvitationMailer;
import io.shareflow.notifier.mail.SmtpConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Works off the send log with a few worker threads, apart from the Kafka consumer: a slow or failing SMTP server does
 * not hold up a partition's new requests (a revocation waits for the batch holding its rows), and a retry waits in the
 * database, not in memory, so it survives restarts.
 *
 * <p>Each worker has its own SMTP connection, opened at its first e-mail, kept open while work flows (reconnected
 * after a connection error) and closed after {@code connection-idle-timeout} without work and at stop. It delivers
 * one {@link DeliveryBatch} after the other while notifications are due; a worker that found work wakes another, so
 * a backlog is shared out, and idle workers wait for a new notification's commit or the poll interval (due retries).
 */
@Component
class NotificationDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final DeliveryBatch batches;
    private final InvitationMailer mailer;
    private final DispatchSettings settings;
    private final DispatchSignal signal;
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;
    private volatile CountDownLatch stopping = new CountDownLatch(1);

    NotificationDispatcher(DeliveryBatch batches, InvitationMailer mailer, DispatchSettings settings,
                           DispatchSignal signal) {
        this.batches = batches;
        this.mailer = mailer;
        this.settings = settings;
        this.signal = signal;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        stopping = new CountDownLatch(1);
        for (int i = 0; i < settings.workers(); i++) {
            Thread worker = new Thread(this::work, "notifier-dispatch-" + i);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        stopping.countDown();
        signal.wakeUpAll();
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

    private void work() {
        try (SmtpConnection smtp = mailer.openConnection()) {
            long lastWork = System.nanoTime();
            while (running) {
                long seen = signal.current();
                try {
                    int claimed = batches.deliver(smtp, () -> running);
                    if (claimed > 0) {
                        lastWork = System.nanoTime();
                        if (claimed >= settings.batchSize()) {
                            signal.wakeUp(); // a full batch: there may be more, another worker helps
                        }
                        continue;
                    }
                } catch (RuntimeException e) {
                    // The database, most likely. The batch rolled back: its rows are due again as they were, and the
                    // e-mails it had sent will be sent again with the same Message-ID.
                    log.warn("Notification dispatch failed, pausing {}: {}", settings.pollInterval(), e.toString());
                    pause(settings.pollInterval());
                    continue;
                } catch (Error e) {
                    // A worker that ended here would leave the others to carry on with fewer threads, unnoticed.
                    log.error("Notification dispatch failed with {}, pausing {}", e, settings.pollInterval(), e);
                    pause(settings.pollInterval());
                    continue;
                }
                if (smtp.isOpen() && System.nanoTime() - lastWork >= settings.connectionIdleTimeout().toNanos()) {
                    smtp.close();
                }
                signal.awaitAfter(seen, settings.pollInterval());
            }
        }
    }

    /** Waits, unless the dispatcher is stopped meanwhile. */
    private void pause(Duration duration) {
        try {
            stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
