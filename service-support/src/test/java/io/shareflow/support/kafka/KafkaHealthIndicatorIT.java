package io.shareflow.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.shareflow.embedded.SharedInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.test.util.ReflectionTestUtils;

/** The health indicator against the real KRaft broker. */
class KafkaHealthIndicatorIT {

    @Test
    void upWithTheClusterIdAndBrokerCountWhileTheBrokerAnswers() throws Exception {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers());
        String clusterId;
        try (Admin admin = Admin.create(config)) {
            clusterId = admin.describeCluster().clusterId().get();
        }
        KafkaHealthIndicator indicator = new KafkaHealthIndicator(config, KafkaHealthIndicator.DEFAULT_TIMEOUT);
        try {
            Health first = indicator.health();
            Object client = ReflectionTestUtils.getField(indicator, "admin");
            Health second = indicator.health();

            assertThat(first.getStatus()).isEqualTo(Status.UP);
            assertThat(first.getDetails()).containsEntry("clusterId", clusterId).containsEntry("nodes", 1);
            assertThat(second.getStatus()).isEqualTo(Status.UP);
            assertThat(ReflectionTestUtils.getField(indicator, "admin")).as("admin client reused").isNotNull().isSameAs(client);
        }
        finally {
            indicator.destroy();
        }
    }
}
