package io.shareflow.bench.peer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import io.namastack.outbox.Outbox;
import io.namastack.outbox.OutboxProcessingScheduler;
import io.namastack.outbox.partition.PartitionCoordinator;
import io.namastack.outbox.partition.PartitionHasher;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The library peer of the outbox relay's drain: namastack-outbox 1.6 (its JDBC starter, in a small
 * Spring Boot application) drains the same backlog the relay's benchmark drains, each record sent
 * by a handler with {@link org.springframework.kafka.core.KafkaTemplate} and the relay's producer
 * settings, and marked completed by namastack.
 */
public final class NamastackOutboxPeer {

    /** A drain that has not finished in this time has failed (a retrying handler, a lost partition). */
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(10);
    private static final int WRITES_PER_TRANSACTION = 1_000;

    private NamastackOutboxPeer() {
    }

    /**
     * Drains {@code events} pending outbox records (same ~400-byte ShareRequested payload, 1,000 keys) with
     * namastack-outbox 1.6 (its JDBC starter, a handler sending with KafkaTemplate) against the given PostgreSQL
     * and broker; events/s.
     * <p>
     * namastack's tables ({@code outbox_record}, {@code outbox_instance}, {@code outbox_partition}) in that
     * database are dropped and created again first; {@code topic} must exist. Tuned with {@link PeerTuning#best()}
     * unless {@code -Dbench.peer.*} says otherwise; records are marked {@code COMPLETED} and kept, as the relay
     * marks its rows.
     */
    public static double drainEventsPerSecond(String jdbcUrl, String user, String password, String bootstrapServers,
                                              String topic, int events) {
        return drainEventsPerSecond(jdbcUrl, user, password, bootstrapServers, topic, events,
                PeerTuning.fromSystemProperties());
    }

    /** As {@link #drainEventsPerSecond(String, String, String, String, String, int)}, with the given settings. */
    public static double drainEventsPerSecond(String jdbcUrl, String user, String password, String bootstrapServers,
                                              String topic, int events, PeerTuning tuning) {
        List<ShareRequestedBacklog.Event> backlog = ShareRequestedBacklog.events(events);
        dropNamastackTables(jdbcUrl, user, password);
        try (ConfigurableApplicationContext context = start(jdbcUrl, user, password, bootstrapServers, topic, tuning)) {
            awaitPartitions(context.getBean(PartitionCoordinator.class));
            long writeStart = System.nanoTime();
            write(context, backlog);
            long written = System.nanoTime() - writeStart;
            JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
            // As before the relay's drain: the bulk write's own upkeep is not the measured work.
            jdbc.sql("checkpoint").update();
            jdbc.sql("vacuum analyze outbox_record").update();

            KafkaTemplateOutboxHandler handler = context.getBean(KafkaTemplateOutboxHandler.class);
            OutboxProcessingScheduler scheduler = context.getBean(OutboxProcessingScheduler.class);
            long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
            long start = System.nanoTime();
            scheduler.start();
            // Watch the handler's own counter: polling the table would load the database being measured.
            while (handler.sent() < events) {
                pause(5, deadline, handler.sent() + " of " + events + " sent");
            }
            // "Sent and marked": namastack marks (or deletes) each record right after its handler returns.
            String open = tuning.deleteCompleted() ? "select count(*) from outbox_record"
                    : "select count(*) from outbox_record where status <> 'COMPLETED'";
            long left;
            while ((left = jdbc.sql(open).query(Long.class).single()) > 0) {
                pause(1, deadline, left + " records not completed");
            }
            long elapsed = System.nanoTime() - start;
            if (Boolean.getBoolean("bench.peer.verbose")) {
                System.out.printf(Locale.ROOT, "    namastack: wrote %,d records in %.1f s, drained them in %.1f s (%s)%n",
                        events, written / 1e9, elapsed / 1e9, tuning);
            }
            return events * 1e9 / elapsed;
        }
    }

    private static ConfigurableApplicationContext start(String jdbcUrl, String user, String password,
                                                        String bootstrapServers, String topic, PeerTuning tuning) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.datasource.url", jdbcUrl);
        properties.put("spring.datasource.username", user);
        properties.put("spring.datasource.password", password == null ? "" : password);
        properties.put("spring.kafka.bootstrap-servers", bootstrapServers);
        properties.put("bench.peer.topic", topic);
        // Only namastack and Boot's own: shareflow's outbox relay and Flyway are on this classpath for the relay.
        properties.put("spring.autoconfigure.exclude", "io.shareflow.outbox.OutboxAutoConfiguration");
        properties.put("spring.flyway.enabled", false);
        // Keep namastack's guarantee as it ships: a key's records in order, stopping at a failure.
        properties.put("namastack.outbox.processing.stop-on-first-failure", true);
        properties.putAll(tuning.properties());
        return new SpringApplicationBuilder(PeerApplication.class)
                .web(WebApplicationType.NONE)
                .properties(properties)
                .logStartupInfo(false)
                .run();
    }

    /** Until this single instance has claimed all of namastack's partitions (its first rebalance, at startup). */
    private static void awaitPartitions(PartitionCoordinator coordinator) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (coordinator.getAssignedPartitionNumbers().size() < PartitionHasher.TOTAL_PARTITIONS) {
            pause(20, deadline, "namastack's partitions not assigned");
        }
    }

    /** The backlog through namastack's own API, in transactions of 1,000 records, before the scheduler starts. */
    private static void write(ConfigurableApplicationContext context, List<ShareRequestedBacklog.Event> backlog) {
        Outbox outbox = context.getBean(Outbox.class);
        TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        for (int from = 0; from < backlog.size(); from += WRITES_PER_TRANSACTION) {
            List<ShareRequestedBacklog.Event> chunk = backlog.subList(from, Math.min(backlog.size(), from + WRITES_PER_TRANSACTION));
            tx.executeWithoutResult(status -> chunk.forEach(e ->
                    outbox.schedule(new EncodedShareEvent(e.payload()), e.key(), e.headers())));
        }
    }

    private static void dropNamastackTables(String jdbcUrl, String user, String password) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password == null ? "" : password);
             Statement s = c.createStatement()) {
            s.execute("drop table if exists outbox_record, outbox_instance, outbox_partition");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reset namastack's tables", e);
        }
    }

    private static void pause(long millis, long deadline, String state) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("namastack peer did not finish: " + state);
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
