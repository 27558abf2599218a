package io.shareflow.outbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Publishes committed outbox rows to Kafka, oldest first, and marks them published once the
 * broker has acknowledged them.
 *
 * <ul>
 *   <li><b>One relay per database.</b> An instance publishes only while it holds a session
 *       advisory lock on its own connection; the others stand by and retry. If the leader dies or
 *       its connection is cut, PostgreSQL releases the lock and a standby takes over.</li>
 *   <li><b>Order per key.</b> Rows are sent in {@code seq} order through an idempotent producer
 *       ({@code acks=all}), which keeps the order within a partition. {@link OutboxWriter}
 *       serialises writers of the same key, so {@code seq} order per key is commit order.</li>
 *   <li><b>Nothing skipped.</b> Reads start at the oldest pending row, or read ahead only with a
 *       same-snapshot check that no late commit lies below; there is no "last published id"
 *       watermark that a late commit could fall behind.</li>
 *   <li><b>At least once.</b> A crash between the acknowledgement and the mark re-sends the
 *       batch; consumers are idempotent by event id.</li>
 *   <li><b>Prompt.</b> Commits NOTIFY the relay's LISTEN; a slow poll covers lost notifications.</li>
 * </ul>
 *
 * <p>A batch is sent asynchronously and marked in one statement: per-row round trips would
 * cap the drain rate far below what the producer can do.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration MIN_BACKOFF = Duration.ofMillis(200);
    private static final long WAIT_SLICE_MILLIS = 250;
    private static final String SESSION_SETTINGS = "set enable_sort = off";

    private final RelayConnectionFactory connections;
    private final Map<String, Object> producerConfig;
    private final RelaySettings settings;
    private final List<ExpiredRows> expiring;
    private final OutboxMetrics metrics;

    private volatile boolean running;
    private volatile boolean leader;
    private Thread worker;

    /**
     * @param connections    opens the relay's own connections (not from the pool): one holds the lock,
     *                       two more mark and read ahead while it leads
     * @param producerConfig Kafka producer settings (at least {@code bootstrap.servers}); the
     *                       relay's delivery settings ({@link #producerDefaults()}) win over them
     * @param processedEventRetention how long the consumers' {@code processed_event} rows are kept; the
     *                       relay deletes older ones with its published rows (one cleanup per database)
     */
    public OutboxRelay(RelayConnectionFactory connections, Map<String, Object> producerConfig,
                       RelaySettings settings, Duration processedEventRetention, OutboxMetrics metrics) {
        this.connections = connections;
        this.producerConfig = new HashMap<>(producerConfig);
        this.producerConfig.putAll(producerDefaults());
        this.settings = settings;
        this.expiring = List.of(ExpiredRows.publishedEvents(settings.retention()),
                ExpiredRows.processedEvents(processedEventRetention));
        this.metrics = metrics;
    }

    /**
     * The producer settings the relay enforces: idempotent, {@code acks=all}, ordered, and
     * batching. The benchmark's raw-producer baseline uses exactly these.
     */
    public static Map<String, Object> producerDefaults() {
        return Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024,
                // Fail a send to an unreachable broker in seconds, not minutes: rows stay pending
                // and the relay retries with backoff, which is what keeps them safe.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    }

    /** Whether this instance currently holds the relay lock. */
    public boolean isLeader() {
        return leader;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (worker != null) {
            try {
                worker.join(Duration.ofSeconds(35).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the consumers and web server have stopped, so their last writes are still relayed. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    private void run() {
        Duration backoff = MIN_BACKOFF;
        try (Producer<String, byte[]> producer = new KafkaProducer<>(producerConfig)) {
            while (running) {
                try (Connection connection = connections.open()) {
                    connection.setAutoCommit(true);
                    connection.setClientInfo("ApplicationName", "outbox-relay");
                    if (!becomeLeader(connection)) {
                        continue;
                    }
                    log.info("Outbox relay is the active relay (lock {})", settings.lockId());
                    backoff = MIN_BACKOFF;
                    lead(connection, producer);
                } catch (SQLException e) {
                    if (running) {
                        log.warn("Outbox relay lost its database connection; retrying in {}: {}", backoff, e.getMessage());
                        pause(backoff);
                        backoff = next(backoff);
                    }
                } catch (RuntimeException e) {
                    // E.g. a row whose headers cannot be read: the thread must live on (and the
                    // lock be given up) so that the failure shows in the log and the backlog metrics.
                    if (running) {
                        log.error("Outbox relay failed; retrying in {}", backoff, e);
                        pause(backoff);
                        backoff = next(backoff);
                    }
                } finally {
                    leader = false;
                }
            }
        }
    }

    private boolean becomeLeader(Connection connection) throws SQLException {
        while (running) {
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("select pg_try_advisory_lock(" + settings.lockId() + ")")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    try (Statement session = connection.createStatement()) {
                        session.execute("listen outbox_event");
                        // A queue's statistics are always stale: planned on them, the pending fetch
                        // may read and sort the whole backlog on every batch. Without sorting, the
                        // only plan is the ordered walk of the pending partition's seq index.
                        session.execute(SESSION_SETTINGS);
                    }
                    leader = true;
                    return true;
                }
            }
            pause(settings.standbyInterval());
        }
        return false;
    }

    private void lead(Connection connection, Producer<String, byte[]> producer) throws SQLException {
        PGConnection notifications = connection.unwrap(PGConnection.class);
        Instant nextCleanup = Instant.now();
        Duration backoff = MIN_BACKOFF;
        try (PublishedMarker marker = new PublishedMarker(connections);
             SideConnection reader = new SideConnection(connections, "outbox-relay-reader", SESSION_SETTINGS)) {
            while (running) {
                boolean failed = drain(connection, producer, marker, reader);
                if (Instant.now().isAfter(nextCleanup)) {
                    deleteExpired(connection);
                    nextCleanup = Instant.now().plus(settings.cleanupInterval());
                }
                if (failed) {
                    // The broker is unreachable or refused: the rows stay pending; try again later.
                    pause(backoff);
                    backoff = next(backoff);
                } else {
                    backoff = MIN_BACKOFF;
                    awaitCommit(notifications);
                }
            }
        }
    }

    /**
     * Publishes pending rows until none are left, with the database working while Kafka does.
     * Rows are read {@code fetchSize} at a time and sent {@code batchSize} at a time. While one
     * read's rows are sent, the next rows are read ahead on a second connection; the marker
     * records each acknowledged batch on a third while the next one is sent. A read ahead that
     * finds a late commit below its rows is dropped, and the relay reads again from the oldest
     * pending row once everything sent is marked. A batch is sent only once the previous one is
     * fully acknowledged, so a failure never lets a later row of a key overtake an earlier one.
     *
     * @return whether a batch failed (its unacknowledged rows stay pending)
     */
    private boolean drain(Connection connection, Producer<String, byte[]> producer, PublishedMarker marker,
                          SideConnection reader) throws SQLException {
        List<PendingRow> fetched = PendingRows.oldest(connection, settings.fetchSize());
        try {
            while (running && !fetched.isEmpty()) {
                CompletableFuture<PendingRows.ReadAhead> ahead = null;
                if (fetched.size() == settings.fetchSize()) {
                    // Reads and marks run on side connections: without this, a relay whose lock
                    // connection was cut would stream on while a standby takes over.
                    confirmLeadership(connection);
                    // Rows read before these are all marked once this returns, so the rows being
                    // sent are the only unmarked ones the read ahead has to look past.
                    marker.awaitMarked();
                    List<PendingRow> sending = fetched;
                    long last = sending.get(sending.size() - 1).seq();
                    ahead = reader.submit(c -> PendingRows.after(c, last, sending, settings.fetchSize()));
                }
                for (int from = 0; from < fetched.size() && running; from += settings.batchSize()) {
                    InFlight current = send(producer, fetched.subList(from, Math.min(fetched.size(), from + settings.batchSize())));
                    producer.flush();
                    Acknowledged acknowledged = current.acknowledged();
                    marker.submit(acknowledged.seqs());
                    marker.park(acknowledged.parked());
                    if (acknowledged.anyFailed()) {
                        return true;
                    }
                }
                if (ahead == null || !running) {
                    return false;
                }
                PendingRows.ReadAhead next = SideConnection.await(ahead);
                if (next.complete()) {
                    fetched = next.rows();
                } else {
                    marker.awaitMarked();
                    fetched = PendingRows.oldest(connection, settings.fetchSize());
                }
            }
            return false;
        } finally {
            // The next read, and the backlog metrics, must see every acknowledged row as published.
            marker.awaitMarked();
        }
    }

    /** The session lock lives as long as the connection: if it answers, this relay still leads. */
    private static void confirmLeadership(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("select 1");
        }
    }

    private InFlight send(Producer<String, byte[]> producer, List<PendingRow> rows) {
        InFlight batch = new InFlight();
        for (PendingRow row : rows) {
            Sent s = new Sent(row);
            try {
                producer.send(row.toRecord(), (metadata, exception) -> s.complete(exception));
            } catch (RuntimeException e) {
                log.warn("Outbox relay could not hand rows to the producer: {}", e.getMessage());
                batch.sendFailed = true;
                break;
            }
            batch.sent.add(s);
        }
        return batch;
    }

    /** One batch handed to the producer, in seq order. */
    private final class InFlight {
        final List<Sent> sent = new ArrayList<>();
        boolean sendFailed;

        /** Call after {@code flush()}: every callback has run by then. */
        Acknowledged acknowledged() {
            Set<String> failedKeys = new HashSet<>();
            List<Long> seqs = new ArrayList<>(sent.size());
            List<PublishedMarker.ParkedRow> parked = new ArrayList<>();
            Instant now = Instant.now();
            for (Sent s : sent) {
                // A row after a failed row of the same key waits for it, so the key's order holds.
                if (failedKeys.contains(s.row.key())) {
                    continue;
                }
                if (s.acknowledged()) {
                    seqs.add(s.row.seq());
                    metrics.recordPublished(Duration.between(s.row.createdAt(), now));
                } else if (s.error != null && PermanentSendFailures.isPermanent(s.error)) {
                    // No retry can publish it: parked, it holds up neither its key nor the relay.
                    String error = PermanentSendFailures.describe(s.error);
                    log.error("Outbox relay: Kafka refuses row seq {} (topic {}, key {}) for good; parked in "
                            + "outbox_event_parked: {}", s.row.seq(), s.row.topic(), s.row.key(), error);
                    parked.add(new PublishedMarker.ParkedRow(s.row.seq(), error));
                } else {
                    failedKeys.add(s.row.key());
                }
            }
            int waiting = sent.size() - seqs.size() - parked.size();
            if (waiting > 0) {
                log.warn("Outbox relay: Kafka did not acknowledge {} row(s); they stay pending: {}", waiting,
                        sent.stream().filter(s -> s.error != null && !PermanentSendFailures.isPermanent(s.error))
                                .map(s -> s.error.getMessage()).findFirst().orElse("no answer"));
            }
            return new Acknowledged(seqs, parked, sendFailed || !failedKeys.isEmpty());
        }
    }

    private record Acknowledged(List<Long> seqs, List<PublishedMarker.ParkedRow> parked, boolean anyFailed) {
    }

    private void deleteExpired(Connection connection) throws SQLException {
        for (ExpiredRows rows : expiring) {
            rows.delete(connection, settings.cleanupBatchSize(), () -> running);
        }
    }

    /** Waits for a commit NOTIFY, or the poll interval, whichever is first. */
    private void awaitCommit(PGConnection notifications) throws SQLException {
        long deadline = System.nanoTime() + settings.pollInterval().toNanos();
        while (running && System.nanoTime() < deadline) {
            var received = notifications.getNotifications((int) WAIT_SLICE_MILLIS);
            if (received != null && received.length > 0) {
                return;
            }
        }
    }

    private void pause(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (running && System.nanoTime() < deadline) {
            try {
                Thread.sleep(Math.min(WAIT_SLICE_MILLIS, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Duration next(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : doubled;
    }

    /** One row's send; the producer's callback fills in the outcome before flush() returns. */
    private static final class Sent {
        final PendingRow row;
        volatile Exception error;
        volatile boolean done;

        Sent(PendingRow row) {
            this.row = row;
        }

        void complete(Exception exception) {
            this.error = exception;
            this.done = true;
        }

        boolean acknowledged() {
            return done && error == null;
        }
    }
}
