package io.shareflow.api.opening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import io.shareflow.api.share.model.LinkToken;
import io.shareflow.api.support.Caller;
import io.shareflow.api.support.SeparateService;
import io.shareflow.embedded.SharedInfrastructure;
import io.shareflow.schemas.SealedFields;
import io.shareflow.testsupport.HttpTestClient;
import io.shareflow.testsupport.HttpTestClient.Response;
import io.shareflow.testsupport.SecretScanner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rate limits of opening, with small limits: a service of its own (its own database, listeners off), because the
 * shared test service must let every other test open links from 127.0.0.1. Client addresses come from
 * {@code X-Forwarded-For}, as behind a proxy ({@code server.forward-headers-strategy=native}).
 */
class RateLimitIT {

    private static ConfigurableApplicationContext service;
    private static HttpTestClient api;

    @BeforeAll
    static void start() {
        service = SeparateService.run(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + SharedInfrastructure.postgres().createDatabase("share_api_rate_limit_it"),
                "--spring.kafka.bootstrap-servers=" + SharedInfrastructure.kafka().bootstrapServers(),
                "--spring.kafka.listener.auto-startup=false",
                "--shareflow.security.jwt.hmac-secret=" + Caller.SECRET,
                "--shareflow.events.seal-key=" + SealedFields.generateKeyList("rate-limit-it"),
                "--server.forward-headers-strategy=native",
                "--shareflow.links.rate-limit.per-token=3",
                "--shareflow.links.rate-limit.per-address=5");
        api = new HttpTestClient(((WebServerApplicationContext) service).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    private static Response open(String token, String address) {
        return api.send("GET", "/v1/links/" + token, null, null, Map.of("X-Forwarded-For", address));
    }

    private record Link(UUID shareId, String token) {
    }

    private static Link aLink() {
        Caller sharer = Caller.sharer();
        Response resource = api.post("/v1/resources", sharer.token(),
                Map.of("name", "Rated.pdf", "kind", "file", "documentType", "asset-document"));
        Response link = api.post("/v1/shares/" + resource.data().get("id").asString() + "/links", sharer.token(),
                Map.of("audience", "anyone"));
        assertThat(link.status()).as(link.toString()).isEqualTo(201);
        return new Link(UUID.fromString(link.data().get("shareId").asString()),
                SecretScanner.tokenOf(link.data().get("url").asString()));
    }

    @Test
    void aTokenOpensAtMostItsLimitFromWhereverThenWaits() {
        Link link = aLink();
        String token = link.token();
        for (int i = 1; i <= 3; i++) {
            assertThat(open(token, "10.1.0." + i).status()).isEqualTo(200);
        }
        Response limited = open(token, "10.1.0.4");
        assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
        assertThat(limited.onlyError().get("errorCode").asString()).isEqualTo("TooManyRequests");
        assertThat(limited.onlyError().get("extension").get("refusal").asString()).isEqualTo("RATE_LIMITED");
        // 3 a minute: one every 20 s.
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 20L);
        assertThat(jdbc().sql("select count(*) from share_open where share_id = ?").param(link.shareId())
                .query(Long.class).single()).as("refused before the lookup: not in the activity").isEqualTo(3);
    }

    @Test
    void anAddressOpensAtMostItsLimitWhateverTheTokens() {
        String address = "10.2.0.1";
        for (int i = 1; i <= 5; i++) {
            assertThat(open(LinkToken.generate().value(), address).status()).isEqualTo(404);
        }
        Response limited = open(aLink().token(), address);
        assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotNull();
        assertThat(open(LinkToken.generate().value(), "10.2.0.2").status()).as("another address").isEqualTo(404);
    }

    private static JdbcClient jdbc() {
        return service.getBean(JdbcClient.class);
    }
}
