package io.shareflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shareflow.api.support.Caller;
import io.shareflow.testsupport.HealthVisibilityTests;
import io.shareflow.testsupport.HttpTestClient;
import org.junit.jupiter.api.Test;

/** What operators and their tools see: health (its status for anyone, the rest for an operator), metrics, topics. */
class OperationsIT extends ShareApiIntegrationSupport implements HealthVisibilityTests {

    @Override
    public HttpTestClient actuatorClient() {
        return api;
    }

    @Override
    public String token(String... roles) {
        return Caller.of(UUID.randomUUID(), roles).token();
    }

    @Override
    public List<String> components() {
        return List.of("db", "kafka");
    }

    @Test
    void healthIsPublicAndUpAndTheOperatorSeesDatabaseAndKafkaUp() {
        HttpTestClient.Response health = api.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");

        HttpTestClient.Response details = api.get("/actuator/health", token(OPERATOR_ROLE));
        assertThat(details.json().get("components").get("db").get("status").asString()).isEqualTo("UP");
        assertThat(details.json().get("components").get("kafka").get("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusShowsSharesByStatus() {
        Caller sharer = Caller.sharer();
        UUID resource = createDocument(sharer);
        api.post("/v1/shares/" + resource, sharer.token(), Map.of("recipientEmail", "metrics@example.com"));

        HttpTestClient.Response metrics = api.get("/actuator/prometheus", null);

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).containsPattern("shareflow_shares\\{[^}]*status=\"PENDING\"[^}]*\\} [1-9]");
        assertThat(metrics.body()).contains("status=\"REVOKED\"");
    }

    @Test
    void createsTheTopicItProducesAndTheDeadLetterTopics() throws Exception {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
            assertThat(admin.listTopics().names().get()).contains("share.events.v1", "share.provisioning.v1.dlt",
                    "share.notifications.v1.dlt", "user.directory.v1.dlt");
        }
    }
}
