package io.shareflow.support.kafka;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.shareflow.schemas.Topics;

/**
 * Denies the Kafka client meters tagged with the deprecated form of a topic's name ({@code share_events_v1} for
 * {@code share.events.v1}), which Kafka 4 reports next to the real one until the old form goes (KIP-1109).
 */
final class DeprecatedTopicMetrics {

    private DeprecatedTopicMetrics() {
    }

    /** @param topics the service's topic names; their dead-letter topics are covered too */
    static MeterFilter filter(Collection<String> topics) {
        Set<String> deprecated = topics.stream()
                .flatMap(topic -> Stream.of(topic, Topics.deadLetter(topic)))
                .filter(topic -> topic.indexOf('.') >= 0)
                .map(topic -> topic.replace('.', '_'))
                .collect(Collectors.toUnmodifiableSet());
        return new MeterFilter() {
            @Override
            public MeterFilterReply accept(Meter.Id id) {
                String topic = id.getTag("topic");
                return id.getName().startsWith("kafka.") && topic != null && deprecated.contains(topic)
                        ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
            }
        };
    }
}
