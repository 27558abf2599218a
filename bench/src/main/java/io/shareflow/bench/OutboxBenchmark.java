package io.shareflow.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shareflow.bench.peer.ShareRequestedBacklog;
import io.shareflow.bench.peer.ShareRequestedBacklog.Event;
import io.shareflow.embedded.KraftBroker;
import io.shareflow.embedded.PostgresServer;
import io.shareflow.outbox.HeadersColumn;
import io.shareflow.outbox.OutboxMetrics;
import io.shareflow.outbox.OutboxRelay;
import io.shareflow.outbox.OutboxSettings;
import io.shareflow.outbox.OutboxWriter;
import io.shareflow.outbox.RelayConnectionFactory;
import io.shareflow.outbox.RelaySettings;
import io.shareflow.outbox.TraceparentSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.flywaydb.core.Flyway;
import org.postgresql.PGStatement;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Measures the outbox against raw baselines in one run, on the embedded PostgreSQL 17 and KRaft
 * broker: (a) the relay's drain rate against a raw {@link KafkaProducer} loop with the relay's
 * producer settings, (b) {@link OutboxWriter} in a transaction against a plain JDBC insert of the
 * same row. Run: {@code ./mvnw -B -Pbench -pl bench -am verify -DskipTests}.
 */
public final class OutboxBenchmark {

    private static final int EVENTS = Integer.getInteger("bench.events", 100_000);
    private static final int WRITES = Integer.getInteger("bench.writes", 20_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<String> rows = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        try (PostgresServer postgres = PostgresServer.onFreePort().start();
             KraftBroker kafka = KraftBroker.onFreePort().start()) {
            new OutboxBenchmark().run(postgres, kafka);
        }
        System.exit(0);
    }

    private void run(PostgresServer postgres, KraftBroker kafka) throws Exception {
        List<Event> events = ShareRequestedBacklog.events(EVENTS);
        System.out.printf(Locale.ROOT, "%nshareflow outbox benchmark: %,d events of %d bytes over %,d keys; %d cores, Java %s%n",
                EVENTS, events.get(0).payload().length, ShareRequestedBacklog.KEYS, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));

        // Warm-up of both sides so that neither pays the JIT (or the broker's) for the other: with
        // a short warm-up the raw loop measured at half its steady rate.
        List<Event> warmUp = events.subList(0, Math.min(30_000, events.size()));
        for (int round = 0; round < 2; round++) {
            rawProducer(kafka, warmUp);
            drain(postgres, kafka, warmUp, "bench_warmup" + round);
        }

        // Interleaved rounds, each side's median reported: a shared 2-core machine is noisy, and
        // interleaving exposes both sides to the same noise.
        List<Result> raw = new ArrayList<>();
        List<Result> drain = new ArrayList<>();
        List<Result> unmarked = new ArrayList<>();
        List<Result> plain = new ArrayList<>();
        List<Result> writer = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            raw.add(rawProducer(kafka, events));
            drain.add(drain(postgres, kafka, events, "bench_drain" + round));
            unmarked.add(readAndSend(postgres, kafka, events, "bench_unmarked" + round));
            plain.add(plainInsert(postgres, events.subList(0, WRITES), "bench_plain" + round));
            writer.add(outboxWriter(postgres, events.subList(0, WRITES), "bench_writer" + round));
        }
        Result rawMedian = median(raw);
        Result drainMedian = median(drain);
        Result unmarkedMedian = median(unmarked);
        Result plainMedian = median(plain);
        Result writerMedian = median(writer);

        row("(a) drain " + EVENTS / 1000 + "k: raw KafkaProducer loop", rawMedian);
        row("(a) drain " + EVENTS / 1000 + "k: outbox relay", drainMedian);
        rows.add(String.format(Locale.ROOT, "| (a) ratio relay / raw producer | %.2f× | | | |",
                drainMedian.perSecond / rawMedian.perSecond));
        row("(a) drain " + EVENTS / 1000 + "k: read and send, nothing marked (ceiling)", unmarkedMedian);
        rows.add(String.format(Locale.ROOT, "| (a) ratio ceiling / raw producer | %.2f× | | | |",
                unmarkedMedian.perSecond / rawMedian.perSecond));
        row("(b) 1 event per tx: plain JDBC insert", plainMedian);
        row("(b) 1 event per tx: OutboxWriter", writerMedian);
        rows.add(String.format(Locale.ROOT, "| (b) ratio OutboxWriter / plain JDBC | %.2f× | | | |",
                writerMedian.perSecond / plainMedian.perSecond));

        System.out.println();
        System.out.printf(Locale.ROOT, "Median of %d interleaved rounds. Rounds, events/s: raw %s; relay %s; plain %s; writer %s%n",
                ROUNDS, rates(raw), rates(drain), rates(plain), rates(writer));
        System.out.printf(Locale.ROOT, "Ceiling (read and send, nothing marked) rounds, events/s: %s%n", rates(unmarked));
        System.out.println("CPU: core-seconds per 100k events in this JVM (broker, producer, relay) + in PostgreSQL.");
        System.out.println();
        System.out.println("| measurement | events/s | p50 ms | p99 ms | CPU s / 100k (JVM + PostgreSQL) |");
        System.out.println("|---|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
        System.out.println();
        writeResult(rawMedian, drainMedian, writerMedian, plainMedian);
        if (drainMedian.postgresByConnection != null) {
            System.out.println("PostgreSQL CPU of the median relay round by connection, core-seconds per 100k:");
            drainMedian.postgresByConnection.forEach((connection, millis) -> System.out.printf(Locale.ROOT,
                    "  %-22s %.2f%n", connection, millis * 100.0 / drainMedian.events));
            System.out.println();
        }
    }

    /**
     * {@code <bench.results>/<date>-outbox.json}: the end-to-end benchmark, run next in the same command, reads its
     * outbox row from it instead of measuring the drain again.
     */
    private static void writeResult(Result raw, Result drain, Result writer, Result plain) throws IOException {
        Path dir = Path.of(System.getProperty("bench.results", "results"));
        Files.createDirectories(dir);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("events", EVENTS);
        result.put("rounds", ROUNDS);
        result.put("relayPerSecond", drain.perSecond);
        result.put("rawProducerPerSecond", raw.perSecond);
        result.put("outboxWriterPerSecond", writer.perSecond);
        result.put("plainInsertPerSecond", plain.perSecond);
        JSON.writerWithDefaultPrettyPrinter().writeValue(
                dir.resolve(LocalDate.now(ZoneOffset.UTC) + "-outbox.json").toFile(), result);
    }

    /** The relay's defaults, unless {@code -Dbench.batch-size} / {@code -Dbench.fetch-size} try others. */
    private static RelaySettings relaySettings() {
        RelaySettings defaults = RelaySettings.defaults();
        return defaults.withBatching(Integer.getInteger("bench.batch-size", defaults.batchSize()),
                Integer.getInteger("bench.fetch-size", defaults.fetchSize()));
    }

    private static Result median(List<Result> results) {
        List<Result> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparingDouble(Result::perSecond));
        return sorted.get(sorted.size() / 2);
    }

    private static String rates(List<Result> results) {
        return results.stream().map(r -> String.format(Locale.ROOT, "%,.0f", r.perSecond))
                .collect(Collectors.joining(" / "));
    }

    private Result rawProducer(KraftBroker kafka, List<Event> events) throws Exception {
        String topic = topic(kafka, "bench.raw");
        Map<String, Object> config = new HashMap<>(OutboxRelay.producerDefaults());
        config.put("bootstrap.servers", kafka.bootstrapServers());
        long[] latencies = new long[events.size()];
        CountDownLatch acked = new CountDownLatch(events.size());
        ProcessCpu cpuBefore = ProcessCpu.now();
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            for (int i = 0; i < events.size(); i++) {
                Event e = events.get(i);
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, e.key(), e.payload());
                e.headers().forEach((k, v) -> record.headers().add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
                int index = i;
                long sent = System.nanoTime();
                producer.send(record, (metadata, exception) -> {
                    if (exception != null) {
                        throw new IllegalStateException(exception);
                    }
                    latencies[index] = System.nanoTime() - sent;
                    acked.countDown();
                });
            }
            producer.flush();
            if (!acked.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("raw producer: not every record was acknowledged");
            }
        }
        long elapsed = System.nanoTime() - start;
        long[] cpu = ProcessCpu.now().millisSince(cpuBefore);
        requireOnTopic(kafka, topic, events.size());
        return new Result(events.size() * 1e9 / elapsed, new Percentiles(latencies), cpu, events.size(), null);
    }

    private Result drain(PostgresServer postgres, KraftBroker kafka, List<Event> events, String database) throws Exception {
        String topic = topic(kafka, "bench.outbox");
        String url = postgres.createDatabase(database);
        DataSource ds = postgres.dataSource(database);
        Flyway.configure().dataSource(ds).locations("classpath:db/outbox").load().migrate();
        ShareRequestedBacklog.insertPending(ds, topic, events);

        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        OutboxRelay relay = new OutboxRelay(RelayConnectionFactory.of(url, PostgresServer.USER, ""),
                Map.of("bootstrap.servers", kafka.bootstrapServers()), relaySettings(),
                OutboxSettings.DEFAULT_PROCESSED_EVENT_RETENTION, new OutboxMetrics(meters));
        JdbcClient jdbc = JdbcClient.create(ds);
        // The bulk insert's own upkeep (WAL flush, autovacuum) is not the relay's work.
        jdbc.sql("checkpoint").update();
        jdbc.sql("vacuum analyze outbox_event").update();
        ProcessCpu cpuBefore = ProcessCpu.now();
        long start = System.nanoTime();
        relay.start();
        // Watch the relay's own counter: polling the table would load the database being measured.
        while (meters.counter("shareflow.outbox.published").count() < events.size()) {
            Thread.sleep(5);
        }
        // "Published and marked": the last marks may still be committing.
        while (jdbc.sql("select count(*) from outbox_event where published_at is null").query(Long.class).single() > 0) {
            Thread.sleep(1);
        }
        long elapsed = System.nanoTime() - start;
        ProcessCpu cpuAfter = ProcessCpu.now();
        Map<String, Long> byConnection = postgresByConnection(jdbc, cpuAfter.postgresMillisByPid(cpuBefore));
        relay.stop();
        requireOnTopic(kafka, topic, events.size());
        // A drain has no per-event latency of its own (every row was waiting before it started).
        return new Result(events.size() * 1e9 / elapsed, null, cpuAfter.millisSince(cpuBefore), events.size(), byConnection);
    }

    /**
     * PostgreSQL's CPU by the relay's connections ({@code application_name}), the rest summed as
     * "other": WAL writer, checkpointer, background writer (processes that end inside the
     * measurement, such as this benchmark's short-lived connections, are not counted).
     */
    private static Map<String, Long> postgresByConnection(JdbcClient jdbc, Map<Long, Long> millisByPid) {
        Map<Long, String> names = new HashMap<>();
        jdbc.sql("select pid, application_name from pg_stat_activity where application_name like 'outbox-relay%'")
                .query((rs, n) -> names.put(rs.getLong(1), rs.getString(2))).list();
        Map<String, Long> byConnection = new TreeMap<>();
        millisByPid.forEach((pid, millis) -> byConnection.merge(names.getOrDefault(pid, "other"), millis, Long::sum));
        return byConnection;
    }

    /**
     * What any relay that marks rows could reach at best: the same rows read in the relay's
     * fetches with its columns, binary transfer and header parsing (on one thread, without the
     * relay's read ahead), sent with the same producer settings and the relay's flush after every
     * batch, and nothing marked.
     * Not a relay (it would send everything again after a restart); it bounds what a cheaper mark
     * can win.
     */
    private Result readAndSend(PostgresServer postgres, KraftBroker kafka, List<Event> events, String database) throws Exception {
        String topic = topic(kafka, "bench.unmarked");
        postgres.createDatabase(database);
        DataSource ds = postgres.dataSource(database);
        Flyway.configure().dataSource(ds).locations("classpath:db/outbox").load().migrate();
        ShareRequestedBacklog.insertPending(ds, topic, events);
        // As before the relay's drain: the bulk insert's own upkeep is not the measured work.
        JdbcClient.create(ds).sql("checkpoint").update();
        JdbcClient.create(ds).sql("vacuum analyze outbox_event").update();
        Map<String, Object> config = new HashMap<>(OutboxRelay.producerDefaults());
        config.put("bootstrap.servers", kafka.bootstrapServers());
        int fetchSize = relaySettings().fetchSize();
        int batchSize = relaySettings().batchSize();
        AtomicReference<Exception> failed = new AtomicReference<>();
        ProcessCpu cpuBefore = ProcessCpu.now();
        long start = System.nanoTime();
        int sent = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config);
             Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select seq, topic, aggregateid, payload, headers::text, created_at from outbox_event
                     where published_at is null and seq > ? order by seq limit ?""")) {
            ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
            long after = 0;
            boolean more = true;
            while (more) {
                ps.setLong(1, after);
                ps.setInt(2, fetchSize);
                more = false;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        more = true;
                        after = rs.getLong(1);
                        rs.getObject(6, OffsetDateTime.class);
                        ProducerRecord<String, byte[]> record = new ProducerRecord<>(rs.getString(2), null, rs.getString(3),
                                rs.getBytes(4), HeadersColumn.toKafkaHeaders(rs.getString(5)));
                        producer.send(record, (metadata, exception) -> {
                            if (exception != null) {
                                failed.compareAndSet(null, exception);
                            }
                        });
                        // The relay's ordering barrier: a batch is acknowledged before the next is sent.
                        if (++sent % batchSize == 0) {
                            producer.flush();
                        }
                    }
                }
            }
            producer.flush();
        }
        long elapsed = System.nanoTime() - start;
        long[] cpu = ProcessCpu.now().millisSince(cpuBefore);
        if (failed.get() != null) {
            throw new IllegalStateException("read and send: a record was not acknowledged", failed.get());
        }
        if (sent != events.size()) {
            throw new IllegalStateException("read " + sent + " rows, expected " + events.size());
        }
        requireOnTopic(kafka, topic, events.size());
        return new Result(events.size() * 1e9 / elapsed, null, cpu, events.size(), null);
    }

    private Result plainInsert(PostgresServer postgres, List<Event> events, String database) throws Exception {
        try (HikariDataSource pool = pool(postgres, database)) {
            long[] latencies = new long[events.size()];
            long start = System.nanoTime();
            try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement("""
                    insert into outbox_event (id, aggregatetype, aggregateid, type, payload, headers, topic)
                    values (?, ?, ?, ?, ?, cast(? as jsonb), ?)""")) {
                c.setAutoCommit(false);
                for (int i = 0; i < events.size(); i++) {
                    Event e = events.get(i);
                    long t0 = System.nanoTime();
                    ps.setObject(1, e.id());
                    ps.setString(2, "share");
                    ps.setString(3, e.key());
                    ps.setString(4, "ShareRequested");
                    ps.setBytes(5, e.payload());
                    ps.setString(6, e.headersJson());
                    ps.setString(7, "bench.plain");
                    ps.executeUpdate();
                    c.commit();
                    latencies[i] = System.nanoTime() - t0;
                }
            }
            return new Result(events.size() * 1e9 / (System.nanoTime() - start), new Percentiles(latencies), null, events.size(), null);
        }
    }

    private Result outboxWriter(PostgresServer postgres, List<Event> events, String database) {
        try (HikariDataSource pool = pool(postgres, database)) {
            OutboxWriter writer = new OutboxWriter(JdbcClient.create(pool), "/shareflow/bench",
                    TraceparentSource.newTracePerEvent());
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(pool));
            long[] latencies = new long[events.size()];
            long start = System.nanoTime();
            for (int i = 0; i < events.size(); i++) {
                Event e = events.get(i);
                long t0 = System.nanoTime();
                tx.executeWithoutResult(status -> writer.append("bench.writer", "share", e.key(), e.event()));
                latencies[i] = System.nanoTime() - t0;
            }
            return new Result(events.size() * 1e9 / (System.nanoTime() - start), new Percentiles(latencies), null, events.size(), null);
        }
    }

    private static HikariDataSource pool(PostgresServer postgres, String database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.createDatabase(database));
        config.setUsername(PostgresServer.USER);
        config.setMaximumPoolSize(4);
        HikariDataSource pool = new HikariDataSource(config);
        Flyway.configure().dataSource(pool).locations("classpath:db/outbox").load().migrate();
        return pool;
    }

    private static String topic(KraftBroker kafka, String prefix) throws Exception {
        String topic = prefix + "." + UUID.randomUUID();
        kafka.createTopics(3, topic);
        return topic;
    }

    private static void requireOnTopic(KraftBroker kafka, String topic, long expected) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < 3; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            long total = admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
            if (total != expected) {
                throw new IllegalStateException(topic + " holds " + total + " records, expected " + expected);
            }
        }
    }

    private void row(String name, Result r) {
        String latency = r.latency == null ? "– | –"
                : String.format(Locale.ROOT, "%.2f | %.2f", r.latency.millis(50), r.latency.millis(99));
        String cpu = r.cpuMillis == null ? "–"
                : String.format(Locale.ROOT, "%.2f + %.2f", r.cpuMillis[0] * 100.0 / r.events, r.cpuMillis[1] * 100.0 / r.events);
        rows.add(String.format(Locale.ROOT, "| %s | %,.0f | %s | %s |", name, r.perSecond, latency, cpu));
    }

    /** CPU in milliseconds ({@code [jvm, postgres]}) for {@code events}; shown per 100k as core-seconds. */
    private record Result(double perSecond, Percentiles latency, long[] cpuMillis, int events,
                          Map<String, Long> postgresByConnection) {
    }
}
