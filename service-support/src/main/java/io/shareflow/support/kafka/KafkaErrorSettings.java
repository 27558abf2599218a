package io.shareflow.support.kafka;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retry policy of the Kafka listeners' error handler ({@code shareflow.kafka.errors.*}). A failing record
 * is retried in place (its partition waits) with exponential backoff; when the attempts are used up, or
 * at once for a non-retryable error, it goes to {@code <topic>.dlt}.
 *
 * <p>With the defaults a record is tried 6 times over about 15.5 s (0.5 + 1 + 2 + 4 + 8 s), well inside
 * the consumer's {@code max.poll.interval.ms}.
 *
 * @param initialInterval wait before the first retry; default 500ms; positive
 * @param multiplier      factor applied to the wait after each retry; default 2; &ge; 1
 * @param maxInterval     upper bound of one wait; default 10s; &ge; {@code initialInterval}
 * @param maxAttempts     deliveries in total including the first; default 6; &ge; 1 (1 = no retry)
 */
@ConfigurationProperties("shareflow.kafka.errors")
public record KafkaErrorSettings(@DefaultValue("500ms") Duration initialInterval,
                                 @DefaultValue("2") double multiplier,
                                 @DefaultValue("10s") Duration maxInterval,
                                 @DefaultValue("6") int maxAttempts) {

    public KafkaErrorSettings {
        if (initialInterval == null || initialInterval.isNegative() || initialInterval.isZero()) {
            throw new IllegalArgumentException("shareflow.kafka.errors.initial-interval must be positive");
        }
        if (multiplier < 1) {
            throw new IllegalArgumentException("shareflow.kafka.errors.multiplier must be at least 1");
        }
        if (maxInterval == null || maxInterval.compareTo(initialInterval) < 0) {
            throw new IllegalArgumentException("shareflow.kafka.errors.max-interval must be at least initial-interval");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("shareflow.kafka.errors.max-attempts must be at least 1");
        }
    }
}
