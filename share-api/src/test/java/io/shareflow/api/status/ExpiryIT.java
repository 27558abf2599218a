package io.shareflow.api.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shareflow.api.ShareApiIntegrationSupport;
import io.shareflow.api.support.Caller;
import io.shareflow.events.RecipientRejected;
import io.shareflow.events.ShareExpired;
import io.shareflow.schemas.Topics;
import io.shareflow.testsupport.HttpTestClient.Response;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Expiry (DESIGN.md "Managing shares"): a share reads EXPIRED everywhere from the instant its expiry passes, before
 * any sweep; the sweep then stores it once, with a history entry and {@code ShareExpired}. REVOKED and REJECTED
 * outrank it.
 */
class ExpiryIT extends ShareApiIntegrationSupport {

    private final Caller sharer = Caller.sharer();

    @Autowired
    private ShareExpirySweep sweep;

    @Test
    void aSharePastItsExpiryReadsExpiredEverywhereAtOnceAndTheSweepStoresItOnce() {
        UUID resource = createDocument(sharer);
        Instant expiresAt = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> expiring = Map.of("expiresAt", expiresAt.toString());
        Share soon = share(resource, expiring);
        Share link = link(resource, Map.of("audience", "anyone", "expiresAt", expiresAt.toString()));
        Share rejected = share(resource, expiring);
        Share revoked = share(resource, expiring);
        Share lasting = share(resource, Map.of());
        publish(Topics.SHARE_PROVISIONING, rejected.id(), RecipientRejected.newBuilder().setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now()).setShareId(rejected.id()).setCausationEventId(UUID.randomUUID())
                .setRecipientEmail("r@example.com").setReason("user of another organisation").build());
        await().until(() -> "REJECTED".equals(status(rejected.id())));
        assertThat(api.send("DELETE", "/v1/shares/" + revoked.id(), sharer.token(), null).status()).isEqualTo(204);
        assertThat(listed(resource, "EXPIRED")).isEmpty();

        await().until(() -> "EXPIRED".equals(status(soon.id())));

        assertThat(status(link.id())).isEqualTo("EXPIRED");
        assertThat(status(rejected.id())).as("REJECTED over EXPIRED").isEqualTo("REJECTED");
        assertThat(status(revoked.id())).as("REVOKED over EXPIRED").isEqualTo("REVOKED");
        assertThat(listed(resource, "EXPIRED")).containsExactlyInAnyOrder(soon.id(), link.id());
        assertThat(listed(resource, "PENDING")).containsExactly(lasting.id());
        assertThat(listed(resource, "ACTIVE")).isEmpty();
        assertThat(listed(resource, null)).hasSize(5);
        assertThat(api.get("/v1/links/" + soon.token(), null).status()).isEqualTo(410);
        assertThat(api.get("/v1/links/" + link.token(), null).status()).isEqualTo(410);
        Response page = api.send("GET", "/s/" + link.token(), null, null, Map.of("Accept", "text/html"));
        assertThat(page.status()).isEqualTo(410);
        assertThat(page.body()).contains("id=\"page-expired\"");
        assertThat(stored(soon.id())).as("no sweep has run").isEqualTo("PENDING");
        for (Response refused : List.of(
                api.send("PATCH", "/v1/shares/" + soon.id(), sharer.token(), Map.of("role", "manager")),
                api.post("/v1/shares/" + soon.id() + "/notifications", sharer.token(), null))) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        }

        assertThat(sweep.sweep()).isGreaterThanOrEqualTo(2);

        for (Share expired : List.of(soon, link)) {
            assertThat(stored(expired.id())).isEqualTo("EXPIRED");
            JsonNode history = api.get("/v1/shares/" + expired.id(), sharer.token()).data().get("history");
            JsonNode last = history.get(history.size() - 1);
            assertThat(last.get("status").asString()).isEqualTo("EXPIRED");
            assertThat(last.get("cause").asString()).isEqualTo("ShareExpired");
            assertThat(Instant.parse(last.get("at").asString())).isEqualTo(expiresAt);
            assertThat(last.has("by")).isFalse();
            List<SpecificRecord> events = kafka().eventsUntil(Topics.SHARE_EVENTS, expired.id().toString(),
                    all -> all.stream().anyMatch(ShareExpired.class::isInstance));
            ShareExpired event = (ShareExpired) events.stream().filter(ShareExpired.class::isInstance).findFirst()
                    .orElseThrow();
            assertThat(event.getExpiresAt()).isEqualTo(expiresAt);
            assertThat(event.getOrganizationId()).isEqualTo(sharer.organizationId());
        }
        assertThat(stored(rejected.id())).isEqualTo("REJECTED");
        assertThat(stored(revoked.id())).isEqualTo("REVOKED");
        assertThat(stored(lasting.id())).isEqualTo("PENDING");

        sweep.sweep();
        assertThat(count("select count(*) from outbox_event where type = 'ShareExpired' and aggregateid in (?, ?, ?, ?)",
                soon.id().toString(), link.id().toString(), rejected.id().toString(), revoked.id().toString()))
                .as("one event per expired share, none for revoked or rejected ones").isEqualTo(2);
        assertThat(api.send("DELETE", "/v1/shares/" + soon.id(), sharer.token(), null).status())
                .as("an expired share can still be revoked").isEqualTo(204);
        assertThat(status(soon.id())).isEqualTo("REVOKED");
    }

    private record Share(UUID id, String token) {
    }

    private Share share(UUID resource, Map<String, Object> extra) {
        var body = new java.util.LinkedHashMap<String, Object>(Map.of("recipientEmail",
                "expiry." + UUID.randomUUID().toString().substring(0, 8) + "@recipient.example", "notify", false));
        body.putAll(extra);
        Response response = api.post("/v1/shares/" + resource, sharer.token(), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        JsonNode share = response.data().get("shares").get(0);
        return new Share(UUID.fromString(share.get("shareId").asString()), token(share.get("url").asString()));
    }

    private Share link(UUID resource, Map<String, Object> body) {
        Response response = api.post("/v1/shares/" + resource + "/links", sharer.token(), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return new Share(UUID.fromString(response.data().get("shareId").asString()),
                token(response.data().get("url").asString()));
    }

    private String status(UUID shareId) {
        return api.get("/v1/shares/" + shareId, sharer.token()).data().get("status").asString();
    }

    private String stored(UUID shareId) {
        return jdbc.sql("select status from share where id = ?").param(shareId).query(String.class).single();
    }

    private List<UUID> listed(UUID resource, String status) {
        Response list = api.get("/v1/shares?resourceId=" + resource + (status == null ? "" : "&status=" + status),
                sharer.token());
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<UUID> ids = new java.util.ArrayList<>();
        list.data().forEach(share -> {
            if (status != null) {
                assertThat(share.get("status").asString()).isEqualTo(status);
            }
            ids.add(UUID.fromString(share.get("shareId").asString()));
        });
        return ids;
    }

    private static String token(String url) {
        return url.substring((LINK_BASE + "/s/").length());
    }
}
