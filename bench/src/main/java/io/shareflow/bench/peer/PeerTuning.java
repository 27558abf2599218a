package io.shareflow.bench.peer;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * namastack's documented throughput settings for the drain (its "Performance Tuning" page): record
 * keys loaded per poll ({@code namastack.outbox.polling.batch-size}), the fixed poll interval, and
 * the processing executor's threads, plus the connection pool they share. On Java 17 there are no
 * virtual threads, so its platform-thread executor is the one to size: its queue is unbounded, so
 * only the core threads ever run, and core = max here.
 *
 * @param batchSize     record keys per poll cycle; each key's records are processed in order by one task
 * @param pollInterval  fixed delay between poll cycles
 * @param threads       processing threads (keys in flight at once)
 * @param poolSize      Hikari connections shared by the threads, the scheduler and the heartbeat
 * @param lingerMs      producer {@code linger.ms}; -1 keeps the relay's
 * @param deleteCompleted {@code namastack.outbox.processing.delete-completed-records}: a completed record is deleted
 *                      instead of marked {@code COMPLETED} (the relay marks its rows, so the comparison marks too)
 */
public record PeerTuning(int batchSize, Duration pollInterval, int threads, int poolSize, int lingerMs,
                         boolean deleteCompleted) {

    /**
     * The best measured for a 1,000-key backlog on 2 cores: all keys in one poll, and 32 threads with a connection
     * each. More threads or connections than that were slower (the sweep over 20k events: 16 threads 1.9k/s, 32 2.7k/s,
     * 64 2.1k/s, 128 1.5k/s, 128 on 32 connections 2.4k/s); {@code linger.ms=0} was no faster (2.1k/s).
     */
    public static PeerTuning best() {
        return new PeerTuning(1_000, Duration.ofMillis(25), 32, 32, -1, false);
    }

    /** namastack's defaults: 10 keys per poll every 2 s, 4 threads; Hikari's 10 connections. */
    public static PeerTuning namastackDefaults() {
        return new PeerTuning(10, Duration.ofSeconds(2), 4, 10, -1, false);
    }

    /** {@link #best()}, unless {@code -Dbench.peer.batch-size}, {@code .poll-interval-ms}, {@code .threads}, {@code .pool-size}, {@code .linger-ms}, {@code .delete-completed} say otherwise. */
    public static PeerTuning fromSystemProperties() {
        PeerTuning best = best();
        return new PeerTuning(Integer.getInteger("bench.peer.batch-size", best.batchSize),
                Duration.ofMillis(Long.getLong("bench.peer.poll-interval-ms", best.pollInterval.toMillis())),
                Integer.getInteger("bench.peer.threads", best.threads),
                Integer.getInteger("bench.peer.pool-size", best.poolSize),
                Integer.getInteger("bench.peer.linger-ms", best.lingerMs),
                Boolean.parseBoolean(System.getProperty("bench.peer.delete-completed", String.valueOf(best.deleteCompleted))));
    }

    PeerTuning withThreads(int threads, int poolSize) {
        return new PeerTuning(batchSize, pollInterval, threads, poolSize, lingerMs, deleteCompleted);
    }

    PeerTuning withPolling(int batchSize, Duration pollInterval) {
        return new PeerTuning(batchSize, pollInterval, threads, poolSize, lingerMs, deleteCompleted);
    }

    PeerTuning withLingerMs(int lingerMs) {
        return new PeerTuning(batchSize, pollInterval, threads, poolSize, lingerMs, deleteCompleted);
    }

    PeerTuning withDeleteCompleted() {
        return new PeerTuning(batchSize, pollInterval, threads, poolSize, lingerMs, true);
    }

    /** The settings as Spring Boot properties of the peer's application. */
    Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("namastack.outbox.polling.trigger", "fixed");
        properties.put("namastack.outbox.polling.batch-size", batchSize);
        properties.put("namastack.outbox.polling.fixed.interval", pollInterval.toMillis() + "ms");
        properties.put("namastack.outbox.processing.executor-core-pool-size", threads);
        properties.put("namastack.outbox.processing.executor-max-pool-size", threads);
        properties.put("spring.datasource.hikari.maximum-pool-size", poolSize);
        properties.put("namastack.outbox.processing.delete-completed-records", deleteCompleted);
        properties.put("bench.peer.linger-ms", lingerMs);
        return properties;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "batch-size %d keys, poll %d ms, %d threads, %d connections%s%s", batchSize,
                pollInterval.toMillis(), threads, poolSize, lingerMs < 0 ? "" : ", linger.ms " + lingerMs,
                deleteCompleted ? ", completed deleted" : "");
    }
}
