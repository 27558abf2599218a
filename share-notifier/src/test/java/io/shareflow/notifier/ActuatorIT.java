package io.shareflow.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

class ActuatorIT extends NotifierIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void healthCoversDatabaseMailAndKafka() throws Exception {
        eventually().untilAsserted(() -> {
            HttpResponse<String> health = get("/actuator/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"db\"").contains("\"mail\"")
                    .contains("\"kafka\"");
        });
    }

    @Test
    void kafkaHealthShowsTheCluster() throws Exception {
        HttpResponse<String> health = get("/actuator/health/kafka");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"clusterId\"").contains("\"nodes\":1");
    }

    @Test
    void mailHealthIsDownWhileSmtpIs() throws Exception {
        MAIL.stopSmtp();

        HttpResponse<String> health = get("/actuator/health/mail");

        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"status\":\"DOWN\"");
    }

    @Test
    void exposesTheEmailCountersToPrometheus() throws Exception {
        HttpResponse<String> metrics = get("/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("shareflow_notifier_emails_sent_total")
                .contains("shareflow_notifier_emails_failed_total")
                .contains("shareflow_notifier_notifications_pending");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
