package io.shareflow.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbox settings, prefix {@code shareflow.outbox}.
 *
 * @param eventSource             the CloudEvents {@code ce_source} of written events; empty means
 *                                {@code /shareflow/<spring.application.name>}
 * @param processedEventRetention how long a {@code processed_event} row is kept after the event was processed;
 *                                positive. It must outlast every way the same event can arrive again: the
 *                                topics' retention (Kafka's default 7 days, plus up to 7 days until the segment
 *                                holding a record is rolled, {@code segment.ms}) and a re-publish of the outbox's
 *                                published rows ({@code relay.retention}, 7 days)
 * @param relay                   how the relay publishes and cleans up
 */
@ConfigurationProperties("shareflow.outbox")
public record OutboxSettings(@DefaultValue("") String eventSource,
                             @DefaultValue("21d") Duration processedEventRetention,
                             @DefaultValue RelaySettings relay) {

    /** The default of {@code processed-event-retention}, for code that builds a relay without Spring's binder. */
    public static final Duration DEFAULT_PROCESSED_EVENT_RETENTION = Duration.ofDays(21);

    public OutboxSettings {
        if (processedEventRetention == null || processedEventRetention.isNegative() || processedEventRetention.isZero()) {
            throw new IllegalArgumentException("shareflow.outbox.processed-event-retention must be positive, got "
                    + processedEventRetention);
        }
    }
}
