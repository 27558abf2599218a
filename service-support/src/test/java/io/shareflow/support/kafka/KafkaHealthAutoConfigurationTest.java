package io.shareflow.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.test.util.ReflectionTestUtils;

class KafkaHealthAutoConfigurationTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(KafkaAutoConfiguration.class, ShareflowKafkaHealthAutoConfiguration.class));

    @Test
    void everyServiceGetsTheKafkaHealthComponent() {
        // Boot names a health component after its bean, without the "HealthIndicator" suffix: "kafka".
        runner.run(context -> assertThat(context).hasSingleBean(KafkaHealthIndicator.class).hasBean("kafkaHealthIndicator"));
    }

    @Test
    void itCanBeSwitchedOffLikeBootsOwnIndicators() {
        runner.withPropertyValues("management.health.kafka.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(KafkaHealthIndicator.class));
        runner.withPropertyValues("management.health.defaults.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(KafkaHealthIndicator.class));
    }

    @Test
    void aServiceOwnKafkaIndicatorReplacesIt() {
        HealthIndicator own = () -> Health.up().build();
        runner.withBean("kafka", HealthIndicator.class, () -> own)
                .run(context -> assertThat(context).doesNotHaveBean(KafkaHealthIndicator.class).hasSingleBean(HealthIndicator.class));
        runner.withBean("kafkaHealthIndicator", HealthIndicator.class, () -> own)
                .run(context -> assertThat(context).doesNotHaveBean(KafkaHealthIndicator.class));
    }

    @Test
    void withoutBootsHealthModuleThereIsNoIndicatorAndNoFailure() {
        runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(KafkaHealthIndicator.class));
    }

    @Test
    void withoutKafkaThereIsNoIndicator() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ShareflowKafkaHealthAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(KafkaHealthIndicator.class));
    }

    @Test
    void theIndicatorUsesTheServiceAdminSettingsWithItsOwnTimeoutsAndClientId() {
        runner.withPropertyValues("spring.kafka.bootstrap-servers=broker-1:9092", "spring.kafka.admin.client-id=user-provisioner")
                .run(context -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> config = (Map<String, Object>) ReflectionTestUtils.getField(
                            context.getBean(KafkaHealthIndicator.class), "adminConfig");
                    assertThat(config.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG).toString()).contains("broker-1:9092");
                    assertThat(config).containsEntry(AdminClientConfig.CLIENT_ID_CONFIG, "user-provisioner-health")
                            .containsEntry(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000)
                            .containsEntry(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
                });
    }

    @Test
    void downWhenNoBrokerAnswersWithinTheTimeout() {
        KafkaHealthIndicator indicator = new KafkaHealthIndicator(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1"),
                Duration.ofMillis(500));
        try {
            long start = System.nanoTime();
            Health health = indicator.health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsKey("error");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
        finally {
            indicator.destroy();
        }
    }
}
