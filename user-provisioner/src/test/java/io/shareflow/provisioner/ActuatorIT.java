package io.shareflow.provisioner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import io.shareflow.provisioner.support.IntegrationTestSupport;
import io.shareflow.testsupport.HealthVisibilityTests;
import io.shareflow.testsupport.HttpTestClient;
import io.shareflow.testsupport.HttpTestClient.Response;
import org.junit.jupiter.api.Test;

/** Health (its status for anyone, the rest for an operator) and metrics, without a token. */
class ActuatorIT extends IntegrationTestSupport implements HealthVisibilityTests {

    @Override
    public HttpTestClient actuatorClient() {
        return http;
    }

    @Override
    public String token(String... roles) {
        return IntegrationTestSupport.token(UUID.randomUUID(), roles);
    }

    @Override
    public List<String> components() {
        return List.of("db", "kafka");
    }

    @Test
    void healthCoversDatabaseAndKafkaForTheOperator() {
        Response health = http.get("/actuator/health", adminToken());

        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
        assertThat(health.json().path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(health.json().path("components").path("kafka").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void readinessFollowsTheDatabase() {
        // Its members are shown to the operator only; anyone sees readiness's status.
        Response readiness = http.get("/actuator/health/readiness", adminToken());

        assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
        assertThat(readiness.json().path("components").propertyNames()).containsExactlyInAnyOrder("db", "readinessState");
    }

    @Test
    void prometheusMetricsAreExposed() {
        Response metrics = http.get("/actuator/prometheus", null);

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }
}
