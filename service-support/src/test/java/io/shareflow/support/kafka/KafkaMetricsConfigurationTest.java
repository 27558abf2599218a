package io.shareflow.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

class KafkaMetricsConfigurationTest {

    /** No broker here: Boot's {@code KafkaAdmin} must not try to create the declared topics at start-up. */
    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, ShareflowKafkaAutoConfiguration.class))
            .withPropertyValues("spring.kafka.admin.auto-create=false",
                    "shareflow.kafka.topics.consumed=share.events.v1, share.provisioning.v1");

    @Test
    void theDeadLetterCounterOfEachConsumedTopicExistsAtZeroBeforeAnyDeadLetter() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.find(DeadLetterCounts.NAME).counters())
                    .extracting(counter -> counter.getId().getTag("topic"))
                    .containsExactlyInAnyOrder("share.events.v1", "share.provisioning.v1");
            assertThat(registry.get(DeadLetterCounts.NAME).tag("topic", "share.events.v1").counter().count()).isZero();
        });
    }

    @Test
    void withoutARegistryNothingIsCountedAndTheRecovererStillExists() {
        runner.run(context -> assertThat(context).hasNotFailed().hasSingleBean(DeadLetterPublishingRecoverer.class));
    }

    @Test
    void kafkaClientMetersOfTheDeprecatedTopicNameAreDenied() {
        runner.run(context -> {
            MeterRegistry registry = new SimpleMeterRegistry();
            context.getBeansOfType(MeterFilter.class).values().forEach(registry.config()::meterFilter);

            lag(registry, "share.events.v1");
            lag(registry, "share_events_v1");
            lag(registry, "share_events_v1_dlt");
            lag(registry, "some_other_topic");

            assertThat(registry.find("kafka.consumer.fetch.manager.records.lag").gauges())
                    .extracting(gauge -> gauge.getId().getTag("topic"))
                    .containsExactlyInAnyOrder("share.events.v1", "some_other_topic");
        });
    }

    @Test
    void onlyKafkaMetersAreFiltered() {
        MeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(DeprecatedTopicMetrics.filter(List.of("share.events.v1")));
        registry.counter("shareflow.kafka.dead.letters", Tags.of("topic", "share_events_v1"));
        assertThat(registry.find("shareflow.kafka.dead.letters").counter()).isNotNull();
    }

    private static void lag(MeterRegistry registry, String topic) {
        Gauge.builder("kafka.consumer.fetch.manager.records.lag", () -> 0)
                .tags("topic", topic, "partition", "0", "client.id", "consumer-share-api-1").register(registry);
    }
}
