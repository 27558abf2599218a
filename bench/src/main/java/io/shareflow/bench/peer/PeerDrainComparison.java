package io.shareflow.bench.peer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shareflow.embedded.KraftBroker;
import io.shareflow.embedded.PostgresServer;
import io.shareflow.outbox.OutboxMetrics;
import io.shareflow.outbox.OutboxRelay;
import io.shareflow.outbox.OutboxSettings;
import io.shareflow.outbox.RelayConnectionFactory;
import io.shareflow.outbox.RelaySettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.flywaydb.core.Flyway;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The relay's drain next to namastack-outbox's of the same backlog, on embedded PostgreSQL and a
 * KRaft broker in this JVM, interleaved rounds, medians and their ratio:
 * {@code java -cp <bench classpath> io.shareflow.bench.peer.PeerDrainComparison}.
 * {@code -Dbench.events} (default 100,000), {@code -Dbench.rounds} (3); {@code -Dbench.peer.sweep=true}
 * first drains {@code -Dbench.peer.sweep-events} (30,000) with each of namastack's settings tried, to
 * pick {@link PeerTuning#best()}.
 */
public final class PeerDrainComparison {

    private static final int EVENTS = Integer.getInteger("bench.events", 100_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final int WARM_UP = Math.min(EVENTS, 20_000);

    private final PostgresServer postgres;
    private final KraftBroker kafka;
    private int databases;

    private PeerDrainComparison(PostgresServer postgres, KraftBroker kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    public static void main(String[] args) throws Exception {
        try (PostgresServer postgres = PostgresServer.onFreePort().start();
             KraftBroker kafka = KraftBroker.onFreePort().start()) {
            PeerDrainComparison comparison = new PeerDrainComparison(postgres, kafka);
            if (Boolean.getBoolean("bench.peer.sweep")) {
                comparison.sweep(Integer.getInteger("bench.peer.sweep-events", 30_000));
            }
            comparison.compare();
        }
        System.exit(0);
    }

    private void compare() throws Exception {
        PeerTuning tuning = PeerTuning.fromSystemProperties();
        System.out.printf(Locale.ROOT, "%nOutbox drain, relay vs namastack-outbox 1.6.0: %,d events over %,d keys; %d cores, Java %s%n",
                EVENTS, ShareRequestedBacklog.KEYS, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.println("namastack: " + tuning);
        for (int round = 0; round < 2; round++) {
            relay(WARM_UP);
            peer(WARM_UP, tuning);
        }
        List<Double> relay = new ArrayList<>();
        List<Double> peer = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            relay.add(relay(EVENTS));
            peer.add(peer(EVENTS, tuning));
            System.out.printf(Locale.ROOT, "  round %d: relay %,.0f/s, namastack %,.0f/s%n", round + 1,
                    relay.get(round), peer.get(round));
        }
        double relayMedian = median(relay);
        double peerMedian = median(peer);
        System.out.println();
        System.out.printf(Locale.ROOT, "Median of %d interleaved rounds. Rounds, events/s: relay %s; namastack %s%n",
                ROUNDS, rates(relay), rates(peer));
        System.out.println();
        System.out.println("| drain " + EVENTS / 1000 + "k, sent and marked | events/s |");
        System.out.println("|---|---:|");
        System.out.printf(Locale.ROOT, "| outbox relay | %,.0f |%n", relayMedian);
        System.out.printf(Locale.ROOT, "| namastack-outbox 1.6.0 (%s) | %,.0f |%n", tuning, peerMedian);
        System.out.printf(Locale.ROOT, "| ratio relay / namastack | %.1f× |%n", relayMedian / peerMedian);
        System.out.println();
    }

    /**
     * namastack's documented knobs from its defaults towards this backlog's shape, interleaved rounds
     * ({@code -Dbench.peer.sweep-rounds}, 2), each setting's rounds and median.
     */
    private void sweep(int events) throws Exception {
        int rounds = Integer.getInteger("bench.peer.sweep-rounds", 2);
        System.out.printf(Locale.ROOT, "%nnamastack settings tried, %,d events over %,d keys, %d interleaved rounds:%n", events,
                ShareRequestedBacklog.KEYS, rounds);
        PeerTuning best = PeerTuning.best();
        peer(Math.min(events, 10_000), best);
        List<PeerTuning> tried = new ArrayList<>();
        tried.add(PeerTuning.namastackDefaults().withPolling(10, Duration.ofMillis(25)));
        tried.add(best.withPolling(800, Duration.ofMillis(100)));
        for (int threads : new int[] {8, 16, 32, 64, 128}) {
            tried.add(best.withThreads(threads, threads));
        }
        tried.add(best.withThreads(128, 32));
        tried.add(best.withLingerMs(0));
        tried.add(best.withDeleteCompleted());
        Map<PeerTuning, List<Double>> rates = new java.util.LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (PeerTuning tuning : tried) {
                rates.computeIfAbsent(tuning, t -> new ArrayList<>()).add(peer(events, tuning));
            }
        }
        rates.forEach((tuning, r) -> System.out.printf(Locale.ROOT, "  %-85s %,8.0f events/s (%s)%n", tuning, median(r),
                rates(r)));
    }

    private double peer(int events, PeerTuning tuning) throws Exception {
        String database = "peer_" + ++databases;
        String url = postgres.createDatabase(database);
        String topic = topic("bench.peer");
        double rate = NamastackOutboxPeer.drainEventsPerSecond(url, PostgresServer.USER, "", kafka.bootstrapServers(),
                topic, events, tuning);
        requireOnTopic(topic, events);
        return rate;
    }

    /** The relay's drain as {@code OutboxBenchmark} times it: published and marked, from its own counter. */
    private double relay(int count) throws Exception {
        List<ShareRequestedBacklog.Event> events = ShareRequestedBacklog.events(count);
        String database = "relay_" + ++databases;
        String topic = topic("bench.outbox");
        String url = postgres.createDatabase(database);
        DataSource ds = postgres.dataSource(database);
        Flyway.configure().dataSource(ds).locations("classpath:db/outbox").load().migrate();
        ShareRequestedBacklog.insertPending(ds, topic, events);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        OutboxRelay relay = new OutboxRelay(RelayConnectionFactory.of(url, PostgresServer.USER, ""),
                Map.of("bootstrap.servers", kafka.bootstrapServers()), RelaySettings.defaults(),
                OutboxSettings.DEFAULT_PROCESSED_EVENT_RETENTION, new OutboxMetrics(meters));
        JdbcClient jdbc = JdbcClient.create(ds);
        jdbc.sql("checkpoint").update();
        jdbc.sql("vacuum analyze outbox_event").update();
        long start = System.nanoTime();
        relay.start();
        while (meters.counter("shareflow.outbox.published").count() < events.size()) {
            Thread.sleep(5);
        }
        while (jdbc.sql("select count(*) from outbox_event where published_at is null").query(Long.class).single() > 0) {
            Thread.sleep(1);
        }
        long elapsed = System.nanoTime() - start;
        relay.stop();
        requireOnTopic(topic, events.size());
        return events.size() * 1e9 / elapsed;
    }

    private String topic(String prefix) {
        String topic = prefix + "." + UUID.randomUUID();
        kafka.createTopics(3, topic);
        return topic;
    }

    private void requireOnTopic(String topic, long expected) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < 3; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            long total = admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
            // At-least-once: a retried send may repeat a record, never lose one.
            if (total < expected) {
                throw new IllegalStateException(topic + " holds " + total + " records, expected " + expected);
            }
        }
    }

    private static double median(List<Double> rates) {
        List<Double> sorted = new ArrayList<>(rates);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }

    private static String rates(List<Double> rates) {
        return rates.stream().map(r -> String.format(Locale.ROOT, "%,.0f", r)).collect(Collectors.joining(" / "));
    }
}
