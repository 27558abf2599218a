package io.shareflow.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.shareflow.support.security.JwtTokens;
import io.shareflow.testsupport.BadInput;
import io.shareflow.testsupport.HealthVisibilityTests;
import io.shareflow.testsupport.HttpTestClient;
import io.shareflow.testsupport.HttpTestClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The notifier's HTTP surface: the actuator endpoints, open without a token (as is the OpenAPI document,
 * {@code OpenApiDocumentIT}) except the health's components and details, which are the operator's; anything else
 * needs a token.
 */
class ActuatorIT extends NotifierIntegrationSupport implements HealthVisibilityTests {

    @LocalServerPort
    int port;

    private HttpTestClient http;

    @BeforeEach
    void httpClient() {
        http = new HttpTestClient(port);
    }

    @Override
    public HttpTestClient actuatorClient() {
        return http;
    }

    @Override
    public String token(String... roles) {
        return JwtTokens.signedWith(JWT_SECRET).issue(UUID.randomUUID(), UUID.randomUUID(), "ops@shareflow.test", "Ops",
                List.of(roles), Duration.ofMinutes(5));
    }

    @Override
    public List<String> components() {
        return List.of("db", "kafka", "mail");
    }

    @Test
    void aBodyOver64KiBIs413BeforeAnythingReadsItAsInEveryService() {
        // service-support's request limits hold here too, although nothing of the notifier takes a body.
        Response response = http.send("POST", "/actuator/health", null, BadInput.jsonOfSize("x", BadInput.KIB_65));

        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertThat(response.onlyError().get("errorCode").asString()).isEqualTo("PayloadTooLarge");
        assertThat(response.onlyError().get("extension").isObject()).isTrue();
    }

    @Test
    void healthCoversDatabaseMailAndKafka() {
        eventually().untilAsserted(() -> {
            Response health = http.get("/actuator/health", token(OPERATOR_ROLE));
            assertThat(health.status()).as(health.toString()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"db\"").contains("\"mail\"")
                    .contains("\"kafka\"");
        });
    }

    @Test
    void kafkaHealthShowsTheCluster() {
        Response health = http.get("/actuator/health/kafka", token(OPERATOR_ROLE));

        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"clusterId\"").contains("\"nodes\":1");
    }

    @Test
    void mailHealthIsDownWhileSmtpIs() {
        MAIL.stopSmtp();

        Response health = http.get("/actuator/health/mail", token(OPERATOR_ROLE));

        assertThat(health.status()).as(health.toString()).isEqualTo(503);
        assertThat(health.body()).contains("\"status\":\"DOWN\"");
    }

    @Test
    void exposesTheEmailCountersToPrometheus() {
        Response metrics = http.get("/actuator/prometheus", null);

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("shareflow_notifier_emails_sent_total")
                .contains("shareflow_notifier_emails_failed_total{cause=\"unrecordable\"}")
                .contains("shareflow_notifier_emails_retried_total")
                .contains("shareflow_notifier_notifications_pending");
    }

    @Test
    void infoIsOpenToo() {
        assertThat(http.get("/actuator/info", null).status()).isEqualTo(200);
    }

    /** service-support's default filter chain: every other path needs a valid token, before routing. */
    @Test
    void everythingElseNeedsAToken() {
        for (String path : new String[] {"/v1/shares", "/actuator/env", "/actuator"}) {
            Response anonymous = http.get(path, null);
            assertThat(anonymous.status()).as(path + ": " + anonymous).isEqualTo(401);
            assertThat(anonymous.error().path("errorCode").asString()).isEqualTo("Unauthorized");
        }

        Response authenticated = http.get("/v1/shares", token(OPERATOR_ROLE));
        assertThat(authenticated.status()).as(authenticated.toString()).isEqualTo(404);
        assertThat(authenticated.error().path("errorCode").asString()).isEqualTo("NotFound");
    }
}
