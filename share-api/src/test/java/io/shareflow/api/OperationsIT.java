package io.shareflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import io.shareflow.api.support.Caller;
import io.shareflow.testsupport.HttpTestClient;
import org.junit.jupiter.api.Test;

/** What operators and their tools see: health, metrics, topics. */
class OperationsIT extends ShareApiIntegrationSupport {

    @Test
    void healthIsPublicAndUp() {
        HttpTestClient.Response health = api.get("/actuator/health", null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(health.json().get("components").get("db").get("status").asString()).isEqualTo("UP");
        assertThat(health.json().get("components").get("kafka").get("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
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
