package io.shareflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import io.shareflow.api.support.Caller;
import io.shareflow.api.support.SeparateService;
import io.shareflow.embedded.PostgresServer;
import io.shareflow.embedded.SharedInfrastructure;
import io.shareflow.schemas.SealedFields;
import io.shareflow.testsupport.HttpTestClient;
import io.shareflow.testsupport.HttpTestClient.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Fault drill 4, PostgreSQL down: while its database is away share-api answers 503 {@code ServiceUnavailable} within
 * 2 s (not a 500 after Hikari's 30 s), its readiness is DOWN, and once the database is back the same requests succeed
 * without restarting the service.
 *
 * <p>A PostgreSQL of this class's own, which it stops and starts again on the same port and data directory (stopping
 * the JVM's shared one would pull it from under other tests), and a share-api of its own on it (listeners off).
 */
class DatabaseDownIT {

    /** The drill's bound, 2 s, plus room for a loaded test machine. */
    private static final Duration ANSWER_WITHIN = Duration.ofMillis(2500);

    private static final PostgresServer POSTGRES = PostgresServer.onFreePort().start();
    private static ConfigurableApplicationContext service;
    private static HttpTestClient api;

    @BeforeAll
    static void start() {
        // Flyway migrates at start: the service starts with its database, which is stopped only afterwards.
        service = SeparateService.run(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + POSTGRES.createDatabase("share_api_database_down_it"),
                "--spring.kafka.bootstrap-servers=" + SharedInfrastructure.kafka().bootstrapServers(),
                "--spring.kafka.listener.auto-startup=false",
                "--shareflow.security.jwt.hmac-secret=" + Caller.SECRET,
                "--shareflow.events.seal-key=" + SealedFields.generateKeyList("database-down-it"));
        api = new HttpTestClient(((WebServerApplicationContext) service).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        POSTGRES.close();
    }

    @Test
    void whileTheDatabaseIsDownRequestsAre503AtOnceAndSucceedAgainOnceItIsBack() {
        Caller sharer = Caller.sharer();
        String resource = "/v1/resources/" + createResource(sharer).data().get("id").asString();
        assertThat(api.get(resource, sharer.token()).status()).isEqualTo(200);
        assertThat(readiness()).isEqualTo(200);

        POSTGRES.stop();
        try {
            // A read, a write, and the readiness probe; each of them needs a connection.
            assertUnavailable(timed(() -> api.get(resource, sharer.token())));
            assertUnavailable(timed(() -> createResource(sharer)));
            assertUnavailable(timed(() -> api.get(resource, sharer.token())));
            assertThat(readiness()).as("readiness goes DOWN with the database").isEqualTo(503);
        } finally {
            POSTGRES.start();
        }

        // The same service: its pool reconnects by itself.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(api.get(resource, sharer.token()).status()).isEqualTo(200));
        assertThat(createResource(sharer).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(readiness()).isEqualTo(200));
    }

    private static void assertUnavailable(Timed timed) {
        Response response = timed.response();
        assertThat(timed.elapsed()).as("answered after %s: %s", timed.elapsed(), response).isLessThan(ANSWER_WITHIN);
        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        JsonNode error = response.onlyError();
        assertThat(error.get("errorCode").asString()).isEqualTo("ServiceUnavailable");
        assertThat(error.get("message").asString()).isEqualTo("The database is unavailable; try again shortly.");
        assertThat(error.get("extension").isObject()).isTrue();
        assertThat(Long.parseLong(response.header("Retry-After"))).isBetween(1L, 30L);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("Hikari").doesNotContain("jdbc");
    }

    private static Response createResource(Caller sharer) {
        return api.post("/v1/resources", sharer.token(),
                Map.of("name", "Outage.pdf", "kind", "file", "documentType", "asset-document"));
    }

    private static int readiness() {
        return api.get("/actuator/health/readiness", null).status();
    }

    private record Timed(Response response, Duration elapsed) {
    }

    private static Timed timed(java.util.function.Supplier<Response> request) {
        long start = System.nanoTime();
        Response response = request.get();
        return new Timed(response, Duration.ofNanos(System.nanoTime() - start));
    }
}
