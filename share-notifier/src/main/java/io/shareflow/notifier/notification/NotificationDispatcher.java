package io.shareflow.notifier.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.shareflow.notifier.mail.InvitationMailer;
import io.shareflow.notifier.mail.SmtpConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Works off the send log apart from the Kafka consumer: a slow or failing SMTP server does not hold up a partition's
 * new requests (a revocation waits for the batch holding its rows), and a retry waits in the database, not in memory,
 * so it survives restarts.
 *
 * <p>One thread delivers one {@link DeliveryBatch} after the other while notifications are due, and {@code workers}
 * sender threads send each batch's e-mails in parallel. Each worker has its own SMTP connection, opened at its first
 * e-mail, kept open while work flows (reconnected after a connection error) and closed after
 * {@code connection-idle-timeout} without work and at stop. When nothing is due, the dispatcher waits for a new
 * notification's commit or the poll interval (due retries).
 */
@Component
class NotificationDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final DeliveryBatch batches;
    private final InvitationMailer mailer;
    private final DispatchSettings settings;
    private final DispatchSignal signal;
    private volatile boolean running;
    private volatile CountDownLatch stopping = new CountDownLatch(1);
    private Thread dispatcher;

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
        dispatcher = new Thread(this::work, "notifier-dispatch");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        stopping.countDown();
        signal.wakeUpAll();
        if (dispatcher == null) {
            return;
        }
        try {
            dispatcher.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void work() {
        AtomicInteger worker = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(settings.workers(), task -> {
            Thread thread = new Thread(task, "notifier-dispatch-" + worker.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        });
        List<SmtpConnection> connections = new ArrayList<>();
        for (int i = 0; i < settings.workers(); i++) {
            connections.add(mailer.openConnection());
        }
        try {
            while (running) {
                long seen = signal.current();
                try {
                    if (batches.deliver(connections, senders, () -> running) > 0) {
                        continue;
                    }
                } catch (RuntimeException e) {
                    // The database, most likely. The batch rolled back: its rows are due again as they were, and the
                    // e-mails it had sent will be sent again with the same Message-ID.
                    log.warn("Notification dispatch failed, pausing {}: {}", settings.pollInterval(), e.toString());
                    pause(settings.pollInterval());
                    continue;
                } catch (Error e) {
                    // A dispatcher that ended here would leave the send log unsent, unnoticed.
                    log.error("Notification dispatch failed with {}, pausing {}", e, settings.pollInterval(), e);
                    pause(settings.pollInterval());
                    continue;
                }
                connections.stream().filter(smtp -> smtp.openAndIdleFor(settings.connectionIdleTimeout()))
                        .forEach(SmtpConnection::close);
                signal.awaitAfter(seen, settings.pollInterval());
            }
        } finally {
            // No sender may still use a connection when it is closed: a batch waits for its senders before it ends.
            senders.shutdown();
            connections.forEach(SmtpConnection::close);
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
