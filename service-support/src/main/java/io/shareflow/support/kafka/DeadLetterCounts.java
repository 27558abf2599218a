package io.shareflow.support.kafka;

import java.util.Collection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counter {@code shareflow.kafka.dead.letters{topic=<consumed topic>}} (Prometheus
 * {@code shareflow_kafka_dead_letters_total}): records written to {@code <topic>.dlt}. Registered at zero for every
 * consumed topic when the service starts, so a dashboard or alert sees the series before the first dead letter
 * (a counter that appears only with its first increment has no rate until its second).
 */
final class DeadLetterCounts {

    static final String NAME = "shareflow.kafka.dead.letters";

    private final MeterRegistry registry;

    /** @param registry the service's registry; {@code null} (no metrics in this application) counts nothing */
    DeadLetterCounts(MeterRegistry registry, Collection<String> consumedTopics) {
        this.registry = registry;
        consumedTopics.forEach(this::counter);
    }

    void deadLettered(String sourceTopic) {
        Counter counter = counter(sourceTopic);
        if (counter != null) {
            counter.increment();
        }
    }

    private Counter counter(String topic) {
        if (registry == null) {
            return null;
        }
        return Counter.builder(NAME).tag("topic", topic)
                .description("Records given up on and written to <topic>.dlt, by the topic they came from")
                .register(registry);
    }
}
