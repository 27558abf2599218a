package io.shareflow.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the {@link OutboxRelay}, prefix {@code shareflow.outbox.relay}.
 *
 * @param enabled          whether this instance runs a relay (at most one publishes per database)
 * @param batchSize        rows sent to Kafka, then marked published in one statement
 * @param fetchSize        rows read from the outbox per query (a multiple of {@code batchSize})
 * @param pollInterval     the slow fallback poll; commits normally wake the relay at once by NOTIFY
 * @param standbyInterval  how often a standby instance tries to become the relay
 * @param maxBackoff       the longest wait after a failed publish or a lost database connection
 * @param lockId           the PostgreSQL advisory lock key that elects the one active relay
 * @param retention        how long published rows are kept for replays before they are deleted
 * @param cleanupInterval  how often published rows older than {@code retention}, and processed-event rows older
 *                         than {@code shareflow.outbox.processed-event-retention}, are deleted
 * @param cleanupBatchSize rows deleted per statement, so a cleanup never holds long locks
 */
public record RelaySettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2000") int batchSize,
        @DefaultValue("10000") int fetchSize,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("1s") Duration standbyInterval,
        @DefaultValue("30s") Duration maxBackoff,
        @DefaultValue("6007476846219669327") long lockId,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("1m") Duration cleanupInterval,
        @DefaultValue("10000") int cleanupBatchSize) {

    public RelaySettings {
        if (batchSize < 1 || fetchSize < batchSize) {
            throw new IllegalArgumentException("shareflow.outbox.relay: need 1 <= batch-size <= fetch-size, got "
                    + batchSize + " and " + fetchSize);
        }
    }

    /** The defaults above, for code that builds a relay without Spring's binder. */
    public static RelaySettings defaults() {
        return new RelaySettings(true, 2000, 10000, Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(30),
                6007476846219669327L, Duration.ofDays(7), Duration.ofMinutes(1), 10000);
    }

    public RelaySettings withStandbyInterval(Duration interval) {
        return new RelaySettings(enabled, batchSize, fetchSize, pollInterval, interval, maxBackoff, lockId, retention,
                cleanupInterval, cleanupBatchSize);
    }

    public RelaySettings withRetention(Duration keep, Duration every) {
        return new RelaySettings(enabled, batchSize, fetchSize, pollInterval, standbyInterval, maxBackoff, lockId, keep,
                every, cleanupBatchSize);
    }

    public RelaySettings withCleanup(Duration every, int batchSize) {
        return new RelaySettings(enabled, this.batchSize, fetchSize, pollInterval, standbyInterval, maxBackoff, lockId,
                retention, every, batchSize);
    }

    public RelaySettings withMaxBackoff(Duration backoff) {
        return new RelaySettings(enabled, batchSize, fetchSize, pollInterval, standbyInterval, backoff, lockId, retention,
                cleanupInterval, cleanupBatchSize);
    }

    public RelaySettings withBatching(int batch, int fetch) {
        return new RelaySettings(enabled, batch, fetch, pollInterval, standbyInterval, maxBackoff, lockId, retention,
                cleanupInterval, cleanupBatchSize);
    }
}
