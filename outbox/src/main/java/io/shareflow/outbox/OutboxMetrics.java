package io.shareflow.outbox;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox's Micrometer meters: backlog and age of the oldest pending row (read from the table
 * on each scrape, through the pending index), rows published, and publish latency from the
 * row's creation to the broker's acknowledgement.
 */
public final class OutboxMetrics {

    private final Counter published;
    private final Timer latency;

    public OutboxMetrics(MeterRegistry registry) {
        this.published = Counter.builder("shareflow.outbox.published")
                .description("Outbox rows published to Kafka and acknowledged")
                .register(registry);
        this.latency = Timer.builder("shareflow.outbox.publish.latency")
                .description("From the outbox row's creation to the broker's acknowledgement")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    /** Also registers the backlog gauges, which read the outbox table. */
    public OutboxMetrics(MeterRegistry registry, JdbcClient jdbc) {
        this(registry);
        Gauge.builder("shareflow.outbox.backlog", jdbc,
                        j -> j.sql("select count(*) from outbox_event where published_at is null")
                                .query(Long.class).single())
                .description("Outbox rows not yet published")
                .strongReference(true)
                .register(registry);
        Gauge.builder("shareflow.outbox.oldest.pending.age", jdbc,
                        j -> j.sql("""
                                        select coalesce(extract(epoch from now() - min(created_at)), 0)
                                        from outbox_event where published_at is null
                                        """)
                                .query(Double.class).single())
                .description("Age in seconds of the oldest unpublished outbox row")
                .strongReference(true)
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("shareflow.outbox.parked", jdbc,
                        j -> j.sql("select count(*) from outbox_event_parked").query(Long.class).single())
                .description("Outbox rows Kafka refused for good, waiting for an operator (runbook)")
                .strongReference(true)
                .register(registry);
    }

    void recordPublished(Duration sinceCreated) {
        published.increment();
        latency.record(sinceCreated);
    }
}
