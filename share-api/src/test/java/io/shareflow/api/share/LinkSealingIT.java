package io.shareflow.api.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shareflow.api.ShareApiIntegrationSupport;
import io.shareflow.api.support.Caller;
import io.shareflow.schemas.SealedFields;
import io.shareflow.testsupport.HttpTestClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

/** The share's link kept sealed: shown again to whoever may change the share, re-sealed after a key rotation. */
class LinkSealingIT extends ShareApiIntegrationSupport {

    private final Caller sharer = Caller.sharer();

    @Autowired
    private LinkResealing resealing;

    @Test
    void theSharerAndTheOrganisationsAdminsSeeTheUrlAgain() {
        UUID resource = createDocument(sharer);
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Object> body = Map.of("recipients", List.of(Map.of("email", "again-one@example.com"),
                Map.of("email", "again-two@example.com")));
        HttpTestClient.Response accepted = api.post("/v1/shares/" + resource, sharer.token(), body, key);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);

        for (JsonNode created : accepted.data().get("shares")) {
            String path = "/v1/shares/" + created.get("shareId").asString();
            String url = created.get("url").asString();
            assertThat(urlShownTo(sharer, path)).isEqualTo(url);
            for (String role : List.of("admin", "producer-admin")) {
                assertThat(urlShownTo(Caller.of(sharer.organizationId(), role), path)).as(role).isEqualTo(url);
            }
        }

        // A replay answers the same urls, and they are still the shares' urls.
        HttpTestClient.Response replay = api.post("/v1/shares/" + resource, sharer.token(), body, key);
        assertThat(replay.json()).isEqualTo(accepted.json());
        JsonNode first = accepted.data().get("shares").get(0);
        assertThat(urlShownTo(sharer, "/v1/shares/" + first.get("shareId").asString()))
                .isEqualTo(first.get("url").asString());
    }

    @Test
    void nobodyElseSeesTheUrlNorDoesAnyList() {
        UUID resource = createDocument(sharer);
        HttpTestClient.Response accepted = api.post("/v1/shares/" + resource, sharer.token(),
                Map.of("recipientEmail", "not-for-you@example.com"));
        String path = "/v1/shares/" + accepted.data().get("shares").get(0).get("shareId").asString();

        // Readers of the organisation, and sharing roles that are not the sharer's: the share without its url.
        for (String role : List.of("viewer", "producer-user", "sales-agent")) {
            HttpTestClient.Response response = api.get(path, Caller.of(sharer.organizationId(), role).token());
            assertThat(response.status()).as(role).isEqualTo(200);
            assertThat(response.data().has("url")).as(role).isFalse();
            assertThat(response.data().get("recipientEmail").asString()).isEqualTo("not-for-you@example.com");
        }
        // An admin of another organisation does not find it at all.
        assertThat(api.get(path, Caller.of(UUID.randomUUID(), "admin").token()).status()).isEqualTo(404);
        // Lists never carry it, not even to the sharer.
        HttpTestClient.Response list = api.get("/v1/shares?resourceId=" + resource, sharer.token());
        assertThat(list.data()).hasSize(1);
        assertThat(list.data().get(0).has("url")).isFalse();
        // Nor the XML of someone else.
        HttpTestClient.Response xml = api.send("GET", path, Caller.of(sharer.organizationId(), "viewer").token(), null,
                Map.of("Accept", "application/xml"));
        assertThat(xml.body()).doesNotContain("/s/").doesNotContain("<url>");
    }

    @Test
    void aShareWithoutASealedLinkOrWithOneThatDoesNotOpenIsShownWithoutUrl() {
        UUID resource = createDocument(sharer);
        HttpTestClient.Response accepted = api.post("/v1/shares/" + resource, sharer.token(), Map.of("recipients",
                List.of(Map.of("email", "before@example.com"), Map.of("email", "tampered@example.com"))));
        UUID before = UUID.fromString(accepted.data().get("shares").get(0).get("shareId").asString());
        UUID tampered = UUID.fromString(accepted.data().get("shares").get(1).get("shareId").asString());

        // Sealed for another share: the context does not match.
        jdbc.sql("update share set link_sealed = (select link_sealed from share where id = ?) where id = ?")
                .params(before, tampered).update();
        // As a share created before the link was kept.
        jdbc.sql("update share set link_sealed = null, link_key_id = null where id = ?").param(before).update();

        for (UUID shareId : List.of(before, tampered)) {
            HttpTestClient.Response response = api.get("/v1/shares/" + shareId, sharer.token());
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.data().has("url")).isFalse();
        }
    }

    @Test
    void linksSealedUnderAnOlderKeyStillOpenAndAreResealedUnderTheCurrentOne() {
        UUID resource = createDocument(sharer);
        HttpTestClient.Response accepted = api.post("/v1/shares/" + resource, sharer.token(), Map.of("recipients",
                List.of(Map.of("email", "rotated@example.com"), Map.of("email", "lost-key@example.com"))));
        JsonNode rotated = accepted.data().get("shares").get(0);
        UUID rotatedId = UUID.fromString(rotated.get("shareId").asString());
        String url = rotated.get("url").asString();
        UUID lostId = UUID.fromString(accepted.data().get("shares").get(1).get("shareId").asString());
        SealedFields old = SealedFields.fromKeyList(OLD_SEAL_KEY);
        SealedFields lost = SealedFields.fromKeyList(SealedFields.generateKeyList("it-lost"));
        String lostUrl = accepted.data().get("shares").get(1).get("url").asString();
        setLink(rotatedId, old.seal(url, rotatedId.toString()), old.currentKeyId());
        setLink(lostId, lost.seal(lostUrl, lostId.toString()), lost.currentKeyId());
        try {
            assertThat(urlShownTo(sharer, "/v1/shares/" + rotatedId)).isEqualTo(url);

            LinkResealing.Result result = resealing.resealAll();

            assertThat(result.unopenable()).isPositive();
            assertThat(jdbc.sql("select link_key_id from share where id = ?").param(rotatedId).query(String.class)
                    .single()).isEqualTo(seals().currentKeyId());
            // The current key alone opens it now: the old key can be dropped.
            SealedFields currentOnly = SealedFields.fromKeyList(SEAL_KEYS.substring(0, SEAL_KEYS.indexOf(',')));
            assertThat(currentOnly.open(storedLink(rotatedId), rotatedId.toString())).isEqualTo(url);
            assertThat(urlShownTo(sharer, "/v1/shares/" + rotatedId)).isEqualTo(url);
            // A link under a key no longer held is left as it was; its share is shown without url.
            assertThat(lost.open(storedLink(lostId), lostId.toString())).isEqualTo(lostUrl);
            assertThat(api.get("/v1/shares/" + lostId, sharer.token()).data().has("url")).isFalse();
        } finally {
            // Nothing left for the scheduled runs to complain about.
            jdbc.sql("update share set link_sealed = null, link_key_id = null where id = ?").param(lostId).update();
        }
    }

    private String urlShownTo(Caller caller, String path) {
        HttpTestClient.Response response = api.get(path, caller.token());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.data().has("url")).as("url in " + response).isTrue();
        return response.data().get("url").asString();
    }

    private void setLink(UUID shareId, byte[] sealed, String keyId) {
        jdbc.sql("update share set link_sealed = ?, link_key_id = ? where id = ?").params(sealed, keyId, shareId)
                .update();
    }

    private byte[] storedLink(UUID shareId) {
        return jdbc.sql("select link_sealed from share where id = ?").param(shareId).query(byte[].class).single();
    }
}
