package io.shareflow.support.kafka;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retry policy of the Kafka listeners' error handler ({@code shareflow.kafka.errors.*}). A failing record
 * is retried in place (its partition waits) with exponential backoff. What happens then depends on why it
 * failed (see {@code RecordRetryPolicy}):
 * <ul>
 *   <li>the infrastructure failed (database, SMTP or broker unreachable, see {@code InfrastructureFailures}):
 *       retried until it succeeds, the wait growing to {@code infrastructureMaxBackoff}; never dead-lettered;</li>
 *   <li>the record cannot be read or was rejected as invalid: at once to {@code <topic>.dlt};</li>
 *   <li>anything else: {@code maxAttempts} deliveries, then {@code <topic>.dlt}.</li>
 * </ul>
 *
 * <p>With the defaults an ordinary failure is tried 6 times over about 15.5 s (0.5 + 1 + 2 + 4 + 8 s). Every
 * wait happens on the consumer thread between two polls, so both caps must stay well below the consumer's
 * {@code max.poll.interval.ms} (5 min by default); the error handler refuses to start otherwise.
 *
 * @param initialInterval          wait before the first retry; default 500ms; positive
 * @param multiplier               factor applied to the wait after each retry; default 2; &ge; 1
 * @param maxInterval              upper bound of one wait of an ordinary failure; default 10s; &ge; {@code initialInterval}
 * @param maxAttempts              deliveries in total including the first; default 6; &ge; 1 (1 = no retry)
 * @param infrastructureMaxBackoff upper bound of one wait while the infrastructure is failing; default 30s;
 *                                 &ge; {@code initialInterval}
 */
@ConfigurationProperties("shareflow.kafka.errors")
public record KafkaErrorSettings(@DefaultValue("500ms") Duration initialInterval,
                                 @DefaultValue("2") double multiplier,
                                 @DefaultValue("10s") Duration maxInterval,
                                 @DefaultValue("6") int maxAttempts,
                                 @DefaultValue("30s") Duration infrastructureMaxBackoff) {

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
        if (infrastructureMaxBackoff == null || infrastructureMaxBackoff.compareTo(initialInterval) < 0) {
            throw new IllegalArgumentException(
                    "shareflow.kafka.errors.infrastructure-max-backoff must be at least initial-interval");
        }
    }
}
