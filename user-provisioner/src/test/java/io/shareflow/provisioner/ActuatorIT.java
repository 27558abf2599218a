package io.shareflow.provisioner;

import static org.assertj.core.api.Assertions.assertThat;

import io.shareflow.provisioner.support.IntegrationTestSupport;
import io.shareflow.testsupport.HttpTestClient.Response;
import org.junit.jupiter.api.Test;

class ActuatorIT extends IntegrationTestSupport {

    @Test
    void healthCoversDatabaseAndKafkaWithoutAToken() {
        Response health = http.get("/actuator/health", null);

        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
        assertThat(health.json().path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(health.json().path("components").path("kafka").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void readinessFollowsTheDatabase() {
        Response readiness = http.get("/actuator/health/readiness", null);

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
