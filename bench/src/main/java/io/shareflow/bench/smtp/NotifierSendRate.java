package io.shareflow.bench.smtp;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import io.shareflow.embedded.mail.CapturedMessage;
import io.shareflow.localstack.LocalStack;
import io.shareflow.localstack.ServiceProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * share-notifier's send rate to the local SMTP server against the raw loop's over the same messages.
 *
 * <ol>
 *   <li>share-notifier is stopped (SIGTERM, it drains; killed after 30 s);</li>
 *   <li>{@code shares} shares are submitted through the API with {@code submitShare} (each to a new recipient, so
 *       two e-mails each: the invitation and user-provisioner's registration e-mail);</li>
 *   <li>it waits until share-api and user-provisioner have done their part: user-provisioner has written a
 *       {@code RegistrationLinkIssued} per share and neither has an unpublished outbox row, so every event the
 *       notifier needs is in Kafka;</li>
 *   <li>share-notifier is started and works off that backlog; its rate is the steady state, from the catcher's
 *       {@code receivedAt}: the middle 80 % of the e-mails (the first 10 %, which carry its start-up — Kafka
 *       consumers joining, first batches, JIT — and the last 10 %, the tail of the last batches, are left out);</li>
 *   <li>the raw loop ({@link RawSmtpLoop}) sends the same messages, rebuilt from what the catcher captured (From, To,
 *       subject, text, HTML, Message-ID), to the same SMTP server over one connection, after a warm-up pass over up to 1,000 of them (the loop runs
 *       in the caller's JVM, whose mail classes are cold). The catcher then holds each of them two or three times
 *       (the same Message-ID): read it before, or tell the copies apart by {@code receivedAt}.</li>
 * </ol>
 * share-notifier is left running.
 */
public final class NotifierSendRate {

    private static final Logger log = LoggerFactory.getLogger(NotifierSendRate.class);
    private static final String NOTIFIER = "share-notifier";
    /** Submitting threads: {@code submitShare} is called from this many threads at once. */
    static final int SUBMITTERS = 8;

    private NotifierSendRate() {
    }

    /**
     * @param notifier the notifier's steady-state rate (middle 80 % of its e-mails by the catcher's clock)
     * @param raw      the raw loop's rate over the same messages, one connection
     */
    public record Result(Rate notifier, Rate raw) {

        public Result {
            Objects.requireNonNull(notifier, "notifier");
            Objects.requireNonNull(raw, "raw");
        }

        /** notifier / raw: the target is ≥ 0.8. */
        public double ratio() {
            return notifier.perSecond() / raw.perSecond();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "notifier %s, raw loop %s, ratio %.2f", notifier, raw, ratio());
        }
    }

    /**
     * Measures as the class's comment says.
     *
     * @param stack       a running stack, whose share-notifier this stops and starts again
     * @param submitShare submits share number {@code i} (0 ≤ i &lt; shares) through the API and returns once it is
     *                    accepted (202), each to a new recipient; called from {@value #SUBMITTERS} threads at once
     * @param shares      how many, e.g. 1,000 (2,000 e-mails)
     */
    public static Result measure(LocalStack stack, LongConsumer submitShare, int shares) {
        return measure(stack, submitShare, shares, notifier -> { });
    }

    /**
     * As {@link #measure(LocalStack, LongConsumer, int)}, calling {@code started} with the notifier's process just
     * after it was started again (before it is healthy), e.g. to start a profiler on its pid.
     */
    public static Result measure(LocalStack stack, LongConsumer submitShare, int shares,
                                 Consumer<ServiceProcess> started) {
        if (shares < 10) {
            throw new IllegalArgumentException("Too few shares for a steady state: " + shares);
        }
        ServiceProcess notifier = stack.service(NOTIFIER);
        long lastIdBefore = lastId(stack.mail().messages());
        long registrationsBefore = registrationLinks(stack);
        stop(notifier);

        long submitStarted = System.nanoTime();
        submit(submitShare, shares);
        log.info("{} shares submitted in {} ms", shares, (System.nanoTime() - submitStarted) / 1_000_000);
        awaitUpstream(stack, registrationsBefore + shares, Duration.ofSeconds(60 + shares / 10));

        int expected = 2 * shares;
        notifier.start();
        started.accept(notifier);
        List<CapturedMessage> sent = awaitMessages(stack, lastIdBefore, expected,
                Duration.ofSeconds(120 + shares / 5));
        Rate notifierRate = steadyState(sent.stream().map(CapturedMessage::receivedAt).toList());
        notifier.awaitHealthy(Duration.ofMinutes(1));

        // The raw loop runs in this JVM, cold: a warm-up pass over (up to 1,000 of) the same messages first, as the
        // notifier's rate leaves out its own start-up.
        int port = stack.mail().smtpPort();
        jakarta.mail.Session session = Emails.session("localhost", port);
        RawSmtpLoop.send("localhost", port, Emails.rebuild(session, sent.subList(0, Math.min(1000, sent.size()))));
        Rate raw = RawSmtpLoop.send("localhost", port, Emails.rebuild(session, sent));
        Result result = new Result(notifierRate, raw);
        log.info("Notifier send rate: {}", result);
        return result;
    }

    /**
     * The rate of the middle 80 % of the e-mails by arrival: from the one at the 10th percentile of the arrival
     * times to the one at the 90th, (i90 − i10) e-mails in (t90 − t10).
     */
    static Rate steadyState(List<Instant> receivedAt) {
        if (receivedAt.size() < 10) {
            throw new IllegalArgumentException("Too few e-mails for a steady state: " + receivedAt.size());
        }
        List<Instant> sorted = receivedAt.stream().sorted().toList();
        int n = sorted.size();
        int first = n / 10;
        int last = n - 1 - n / 10;
        return new Rate(last - first, Duration.between(sorted.get(first), sorted.get(last)));
    }

    private static void stop(ServiceProcess notifier) {
        notifier.requestStop();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (notifier.isAlive() && System.nanoTime() < deadline) {
            sleep(100);
        }
        if (notifier.isAlive()) {
            log.warn("share-notifier did not stop within 30 s of SIGTERM; killing it");
            notifier.kill();
        }
    }

    private static void submit(LongConsumer submitShare, int shares) {
        ExecutorService submitters = Executors.newFixedThreadPool(SUBMITTERS);
        try {
            List<Future<?>> calls = new ArrayList<>(shares);
            for (int i = 0; i < shares; i++) {
                long n = i;
                calls.add(submitters.submit(() -> submitShare.accept(n)));
            }
            for (Future<?> call : calls) {
                call.get(5, TimeUnit.MINUTES);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Submitting the shares failed: " + e, e);
        } finally {
            submitters.shutdownNow();
        }
    }

    /** Every event the notifier will need is in Kafka: the registration links written, no outbox row pending. */
    private static void awaitUpstream(LocalStack stack, long registrations, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long issued = -1;
        long pending = -1;
        while (System.nanoTime() < deadline) {
            issued = registrationLinks(stack);
            pending = count(stack, "user_provisioner", "select count(*) from outbox_event_pending")
                    + count(stack, "share_api", "select count(*) from outbox_event_pending");
            if (issued >= registrations && pending == 0) {
                return;
            }
            sleep(200);
        }
        throw new IllegalStateException("share-api and user-provisioner did not finish in " + timeout + ": "
                + issued + " of " + registrations + " registration links issued, " + pending + " outbox rows pending");
    }

    private static long registrationLinks(LocalStack stack) {
        return count(stack, "user_provisioner",
                "select count(*) from outbox_event where type = 'RegistrationLinkIssued'");
    }

    /** The e-mails caught after {@code lastIdBefore}, once there are {@code expected} of them. */
    private static List<CapturedMessage> awaitMessages(LocalStack stack, long lastIdBefore, int expected,
                                                       Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<CapturedMessage> caught = List.of();
        while (System.nanoTime() < deadline) {
            caught = after(stack.mail().messages(), lastIdBefore);
            if (caught.size() >= expected) {
                return caught;
            }
            sleep(100);
        }
        throw new IllegalStateException("share-notifier sent " + caught.size() + " of " + expected
                + " e-mails in " + timeout);
    }

    static List<CapturedMessage> after(List<CapturedMessage> messages, long lastIdBefore) {
        return messages.stream().filter(m -> Long.parseLong(m.id()) > lastIdBefore)
                .sorted(Comparator.comparingLong(m -> Long.parseLong(m.id()))).toList();
    }

    static long lastId(List<CapturedMessage> messages) {
        return messages.stream().mapToLong(m -> Long.parseLong(m.id())).max().orElse(0);
    }

    private static long count(LocalStack stack, String database, String sql) {
        try (Connection c = stack.postgres().dataSource(database).getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read " + database + ": " + e.getMessage(), e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
