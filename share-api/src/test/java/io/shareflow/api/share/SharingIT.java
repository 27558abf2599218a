package io.shareflow.api.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.shareflow.api.ShareApiIntegrationSupport;
import io.shareflow.api.support.Caller;
import io.shareflow.events.ShareRequested;
import io.shareflow.events.UserUpserted;
import io.shareflow.schemas.Topics;
import io.shareflow.testsupport.HttpTestClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SharingIT extends ShareApiIntegrationSupport {

    private final Caller sharer = Caller.sharer();

    @Test
    void acceptsAShareRecordsItAndPublishesShareRequested() throws Exception {
        UUID asset = UUID.randomUUID();
        UUID resource = createResource(sharer, "file", "asset-document", asset, null);

        HttpTestClient.Response response = api.post("/v1/shares/" + resource, sharer.token(), Map.of(
                "recipientEmail", "Recipient@Example.com", "assetId", asset.toString(), "role", "downloader",
                "subject", "The manual", "message", "Hi,\nhere it is.", "expiresAt", "2099-01-31T00:00:00Z"));

        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        JsonNode share = response.data().get("shares").get(0);
        UUID shareId = UUID.fromString(share.get("shareId").asString());
        assertThat(response.header("Location")).isEqualTo("/v1/shares/" + shareId);
        assertThat(response.data().get("requestId").asString()).isNotBlank();
        assertThat(share.get("recipientEmail").asString()).isEqualTo("Recipient@Example.com");
        assertThat(share.get("role").asString()).isEqualTo("downloader");
        assertThat(share.get("status").asString()).isEqualTo("PENDING");
        assertThat(share.get("expiresAt").asString()).isEqualTo("2099-01-31T00:00:00Z");
        String url = share.get("url").asString();
        assertThat(url).startsWith(LINK_BASE + "/s/");
        String token = url.substring((LINK_BASE + "/s/").length());
        assertThat(token).matches("[A-Za-z0-9_-]{43}");

        // The token's hash for lookup; the url itself only sealed (LinkSealingIT: nowhere in plaintext).
        assertThat(count("select count(*) from share where id = ? and link_token_hash = ?", shareId,
                MessageDigest.getInstance("SHA-256").digest(token.getBytes()))).isEqualTo(1);
        byte[] stored = jdbc.sql("select link_sealed from share where id = ?").param(shareId).query(byte[].class).single();
        assertThat(seals().open(stored, shareId.toString())).isEqualTo(url);
        assertThat(count("select count(*) from share where id = ? and status = 'PENDING' and provisioning = 'PENDING'"
                + " and notification = 'PENDING'", shareId)).isEqualTo(1);
        assertThat(count("select count(*) from share_history where share_id = ?", shareId)).isEqualTo(1);
        assertThat(count("select count(*) from outbox_event where aggregateid = ? and type = 'ShareRequested'"
                + " and topic = 'share.events.v1'", shareId.toString())).isEqualTo(1);

        ShareRequested event = awaitShareRequested(shareId);
        assertThat(event.getRequestId().toString()).isEqualTo(response.data().get("requestId").asString());
        assertThat(event.getOrganizationId()).isEqualTo(sharer.organizationId());
        assertThat(event.getResourceId()).isEqualTo(resource);
        assertThat(event.getResourceKind()).isEqualTo("file");
        assertThat(event.getDocumentType()).isEqualTo("asset-document");
        assertThat(event.getResourceName()).startsWith("file ");
        assertThat(event.getSharerUserId()).isEqualTo(sharer.userId());
        assertThat(event.getSharerName()).isEqualTo(sharer.name());
        assertThat(event.getSharerEmail()).isEqualTo(sharer.email());
        assertThat(event.getRecipientEmail()).isEqualTo("Recipient@Example.com");
        assertThat(event.getRecipientUserId()).isNull();
        assertThat(event.getRole()).isEqualTo("downloader");
        assertThat(event.getSubject()).isEqualTo("The manual");
        assertThat(event.getMessage()).isEqualTo("Hi,\nhere it is.");
        assertThat(event.getExpiresAt()).isEqualTo(Instant.parse("2099-01-31T00:00:00Z"));
        assertThat(event.getNotify()).isTrue();
        assertThat(event.getLinkUrl()).isEmpty();
        assertThat(seals().open(bytes(event.getSealedLink()), shareId.toString())).isEqualTo(url);
    }

    @Test
    void createsOneSharePerDistinctRecipient() {
        UUID resource = createResource(sharer, "folder", null, null, null);

        HttpTestClient.Response response = api.post("/v1/shares/" + resource, sharer.token(), Map.of(
                "recipientEmail", "ann@example.com",
                "recipients", List.of(Map.of("email", "ANN@example.com"), Map.of("email", "bob@example.com"),
                        Map.of("email", "Bob@Example.com"), Map.of("email", "cy@example.com")),
                "notify", false));

        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        assertThat(response.data().get("shares")).extracting(s -> s.get("recipientEmail").asString())
                .containsExactly("ann@example.com", "bob@example.com", "cy@example.com");
        assertThat(response.data().get("shares")).extracting(s -> s.get("role").asString()).containsOnly("viewer");
        assertThat(count("select count(*) from share where resource_id = ? and notification = 'SKIPPED'", resource))
                .isEqualTo(3);
        assertThat(count("select count(distinct request_id) from share where resource_id = ?", resource)).isEqualTo(1);
        assertThat(count("select count(*) from outbox_event o join share s on o.aggregateid = s.id::text"
                + " where s.resource_id = ?", resource)).isEqualTo(3);
        assertThat(response.header("Location")).isEqualTo("/v1/shares/"
                + response.data().get("shares").get(0).get("shareId").asString());
    }

    @Test
    void namesTheFieldOfEveryInvalidValue() {
        UUID resource = createDocument(sharer);
        String path = "/v1/shares/" + resource;

        assertBadRequest(path, Map.of("recipients", List.of(Map.of("email", "ok@example.com"), Map.of("email", "nope"))),
                "recipients[1].email");
        assertBadRequest(path, Map.of("recipientEmail", "not an address"), "recipientEmail");
        assertBadRequest(path, Map.of("recipients", List.of(Map.of("userId", "x"))), "recipients[0].userId");
        assertBadRequest(path, Map.of("recipients", List.of(Map.of("email", "ok@example.com"), Map.of("userId", "nope"))),
                "recipients[1].userId");
        assertBadRequest(path, Map.of("recipients", List.of(Map.of())), "recipients[0]");
        assertBadRequest(path, Map.of("recipients", List.of(Map.of("email", "a@example.com",
                "userId", UUID.randomUUID().toString()))), "recipients[0]");
        assertBadRequest(path, Map.of(), "recipients");
        assertBadRequest(path, Map.of("recipients", IntStream.range(0, 101)
                .mapToObj(i -> Map.of("email", "r" + i + "@example.com")).toList()), "recipients");
        assertBadRequest(path, Map.of("recipientEmail", "a@example.com", "role", "owner"), "role");
        assertBadRequest(path, Map.of("recipientEmail", "a@example.com", "subject", "s".repeat(201)), "subject");
        assertBadRequest(path, Map.of("recipientEmail", "a@example.com", "subject", "Hi\r\nBcc: x@example.com"), "subject");
        assertBadRequest(path, Map.of("recipientEmail", "a@example.com", "message", "m".repeat(2001)), "message");
        assertBadRequest(path, Map.of("recipientEmail", "a@example.com", "message", "bell\u0007"), "message");
        assertBadRequest(path, Map.of("recipientEmail", "a@example.com", "expiresAt", "2020-01-01T00:00:00Z"), "expiresAt");
        assertBadRequest(path, Map.of("recipientEmail", "a@example.com", "expiresAt", "soon"), "expiresAt");
        assertBadRequest(path, Map.of("recipientEmail", "a@example.com", "expiresAt", "2099-01-31"), "expiresAt");
        assertBadRequest(path, Map.of("recipientEmail", "a@example.com", "expiresAt", "2099-01-31T00:00:00"), "expiresAt");
        assertBadRequest(path, Map.of("recipientEmail", "a@example.com", "assetId", "asset"), "assetId");
        assertBadRequest(path, Map.of("recipientEmail", "a@example.com", "notify", "maybe"), "notify");
        assertBadRequest("/v1/shares/not-a-uuid", Map.of("recipientEmail", "a@example.com"), "resourceId");

        HttpTestClient.Response malformed = api.post(path, sharer.token(), "{\"recipientEmail\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.error().get("errorCode").asString()).isEqualTo("BadRequest");
        HttpTestClient.Response empty = api.send("POST", path, sharer.token(), null, Map.of("Content-Type", "application/json"));
        assertThat(empty.status()).isEqualTo(400);

        assertThat(count("select count(*) from share where resource_id = ?", resource)).isZero();
    }

    @Test
    void expiresAtIsReadWithItsOffsetAndStoredToTheMillisecondInUtc() {
        UUID resource = createDocument(sharer);

        HttpTestClient.Response response = api.post("/v1/shares/" + resource, sharer.token(), Map.of(
                "recipientEmail", "later@example.com", "expiresAt", "2099-01-31T01:00:00.123456+01:00"));

        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        JsonNode share = response.data().get("shares").get(0);
        assertThat(share.get("expiresAt").asString()).isEqualTo("2099-01-31T00:00:00.123Z");
        assertThat(api.get("/v1/shares/" + share.get("shareId").asString(), sharer.token()).data().get("expiresAt")
                .asString()).isEqualTo("2099-01-31T00:00:00.123Z");
    }

    @Test
    void anUnknownOrForeignResourceIsNotFound() {
        UUID foreign = createDocument(Caller.sharer());

        for (UUID resource : List.of(UUID.randomUUID(), foreign)) {
            HttpTestClient.Response response = api.post("/v1/shares/" + resource, sharer.token(),
                    Map.of("recipientEmail", "a@example.com"));
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.error().get("errorCode").asString()).isEqualTo("NotFound");
        }
        assertThat(count("select count(*) from share where resource_id = ?", foreign)).isZero();
    }

    @Test
    void internalDocumentsCannotBeShared() {
        UUID resource = createResource(sharer, "file", "internal", null, null);

        HttpTestClient.Response response = api.post("/v1/shares/" + resource, sharer.token(), Map.of("recipientEmail", "a@example.com"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.error().get("errorCode").asString()).isEqualTo("UnprocessableEntity");
        assertThat(response.error().get("message").asString()).isEqualTo("Operation not allowed for this entity type.");
        assertThat(response.error().get("extension").get("entityType").asString()).isEqualTo("Document");
        assertThat(count("select count(*) from share where resource_id = ?", resource)).isZero();
    }

    @Test
    void theAssetNamedMustBeTheResources() {
        UUID resource = createResource(sharer, "file", "maintenance-file", UUID.randomUUID(), null);

        HttpTestClient.Response response = api.post("/v1/shares/" + resource, sharer.token(),
                Map.of("recipientEmail", "a@example.com", "assetId", UUID.randomUUID().toString()));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.error().get("errorCode").asString()).isEqualTo("UnprocessableEntity");
        assertThat(count("select count(*) from share where resource_id = ?", resource)).isZero();
    }

    @Test
    void aUserOfAnotherOrganisationFailsTheWholeRequestAndNothingIsRecorded() {
        UUID resource = createDocument(sharer);
        String outsider = "outsider-" + UUID.randomUUID().toString().substring(0, 8) + "@elsewhere.example";
        knownUser(UUID.randomUUID(), UUID.randomUUID(), outsider);
        long outboxBefore = count("select count(*) from outbox_event");

        HttpTestClient.Response response = api.post("/v1/shares/" + resource, sharer.token(), Map.of(
                "recipients", List.of(Map.of("email", "fine@example.com"), Map.of("email", outsider.toUpperCase()))));

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.error().get("extension").get("recipientEmail").asString()).isEqualTo(outsider.toUpperCase());
        assertThat(count("select count(*) from share where resource_id = ?", resource)).isZero();
        assertThat(count("select count(*) from outbox_event")).isEqualTo(outboxBefore);
    }

    @Test
    void recipientsByUserIdMustBeUsersOfTheOrganisation() {
        UUID resource = createDocument(sharer);
        UUID colleague = UUID.randomUUID();
        UUID outsider = UUID.randomUUID();
        String colleagueEmail = "colleague-" + colleague.toString().substring(0, 8) + "@producer.example";
        knownUser(colleague, sharer.organizationId(), colleagueEmail);
        knownUser(outsider, UUID.randomUUID(), "outsider-" + outsider.toString().substring(0, 8) + "@elsewhere.example");

        HttpTestClient.Response accepted = api.post("/v1/shares/" + resource, sharer.token(),
                Map.of("recipients", List.of(Map.of("userId", colleague.toString()))));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.data().get("shares").get(0).get("recipientEmail").asString()).isEqualTo(colleagueEmail);
        assertThat(accepted.data().get("shares").get(0).get("recipientUserId").asString())
                .isEqualTo(colleague.toString());
        assertThat(count("select count(*) from share where resource_id = ? and recipient_user_id = ?", resource, colleague))
                .isEqualTo(1);

        // Another organisation's user gets the same answer as an unknown one (422: the id is well-formed).
        long outbox = count("select count(*) from outbox_event");
        for (UUID userId : List.of(outsider, UUID.randomUUID())) {
            HttpTestClient.Response refused = api.post("/v1/shares/" + resource, sharer.token(), Map.of(
                    "recipients", List.of(Map.of("email", "fine@example.com"), Map.of("userId", userId.toString()))));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.error().get("errorCode").asString()).isEqualTo("UnprocessableEntity");
            assertThat(refused.error().get("extension").get("field").asString()).isEqualTo("recipients[1].userId");
        }
        assertThat(count("select count(*) from share where resource_id = ?", resource)).isEqualTo(1);
        assertThat(count("select count(*) from outbox_event")).isEqualTo(outbox);
    }

    @Test
    void onlySharingRolesMayShareAndATokenIsRequired() {
        UUID resource = createDocument(sharer);
        Map<String, Object> body = Map.of("recipientEmail", "a@example.com");

        HttpTestClient.Response viewer = api.post("/v1/shares/" + resource, Caller.of(sharer.organizationId(), "viewer").token(), body);
        HttpTestClient.Response anonymous = api.post("/v1/shares/" + resource, null, body);

        assertThat(viewer.status()).isEqualTo(403);
        assertThat(viewer.error().get("errorCode").asString()).isEqualTo("NoPermission");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.error().get("errorCode").asString()).isEqualTo("Unauthorized");
        assertThat(count("select count(*) from share where resource_id = ?", resource)).isZero();
    }

    @Test
    void theSameIdempotencyKeyAndBodyReplayTheFirstAnswer() {
        UUID resource = createDocument(sharer);
        Map<String, Object> body = Map.of("recipients", List.of(Map.of("email", "a@example.com"),
                Map.of("email", "b@example.com")));
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        HttpTestClient.Response first = api.post("/v1/shares/" + resource, sharer.token(), body, key);
        HttpTestClient.Response again = api.post("/v1/shares/" + resource, sharer.token(), body, key);

        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(count("select count(*) from share where resource_id = ?", resource)).isEqualTo(2);

        // Keys are per user: another user's identical key is a new request.
        Caller colleague = Caller.of(sharer.organizationId(), "sales-agent");
        assertThat(api.post("/v1/shares/" + resource, colleague.token(), body, key).data().get("requestId"))
                .isNotEqualTo(first.data().get("requestId"));
        assertThat(count("select count(*) from share where resource_id = ?", resource)).isEqualTo(4);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsAConflict() {
        UUID resource = createDocument(sharer);
        Map<String, String> key = Map.of("Idempotency-Key", "order-" + UUID.randomUUID());

        api.post("/v1/shares/" + resource, sharer.token(), Map.of("recipientEmail", "a@example.com"), key);
        HttpTestClient.Response other = api.post("/v1/shares/" + resource, sharer.token(),
                Map.of("recipientEmail", "a@example.com", "role", "manager"), key);

        assertThat(other.status()).isEqualTo(409);
        assertThat(other.error().get("errorCode").asString()).isEqualTo("Conflict");
        assertThat(count("select count(*) from share where resource_id = ?", resource)).isEqualTo(1);
    }

    @Test
    void aRefusedRequestDoesNotUseUpItsIdempotencyKey() {
        UUID internal = createResource(sharer, "file", "internal", null, null);
        UUID shareable = createDocument(sharer);
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Object> body = Map.of("recipientEmail", "a@example.com");

        assertThat(api.post("/v1/shares/" + internal, sharer.token(), body, key).status()).isEqualTo(422);
        assertThat(api.post("/v1/shares/" + shareable, sharer.token(), body, key).status()).isEqualTo(202);
    }

    @Test
    void concurrentRequestsWithTheSameKeyShareOnce() throws Exception {
        UUID resource = createDocument(sharer);
        Map<String, Object> body = Map.of("recipientEmail", "a@example.com");
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<HttpTestClient.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> api.post("/v1/shares/" + resource, sharer.token(), body, key));
            }
            List<HttpTestClient.Response> responses = new ArrayList<>();
            for (Future<HttpTestClient.Response> future : pool.invokeAll(calls)) {
                responses.add(future.get());
            }
            assertThat(responses).extracting(HttpTestClient.Response::status).containsOnly(202);
            assertThat(responses).extracting(r -> r.data().get("requestId").asString()).containsOnly(
                    responses.get(0).data().get("requestId").asString());
        } finally {
            pool.shutdown();
        }
        assertThat(count("select count(*) from share where resource_id = ?", resource)).isEqualTo(1);
    }

    @Test
    void readsAShareWithItsHistoryWithinTheOrganisation() {
        UUID resource = createDocument(sharer);
        UUID shareId = share(resource, "reader@example.com");

        HttpTestClient.Response response = api.get("/v1/shares/" + shareId, Caller.of(sharer.organizationId(), "viewer").token());

        assertThat(response.status()).isEqualTo(200);
        JsonNode data = response.data();
        assertThat(data.get("shareId").asString()).isEqualTo(shareId.toString());
        assertThat(data.get("resourceId").asString()).isEqualTo(resource.toString());
        assertThat(data.get("recipientEmail").asString()).isEqualTo("reader@example.com");
        assertThat(data.get("role").asString()).isEqualTo("viewer");
        assertThat(data.get("status").asString()).isEqualTo("PENDING");
        assertThat(data.get("provisioning").asString()).isEqualTo("PENDING");
        assertThat(data.get("notification").asString()).isEqualTo("PENDING");
        assertThat(data.get("expiresAt").isNull()).isTrue();
        assertThat(data.get("createdAt").asString()).isNotBlank();
        assertThat(data.get("updatedAt").asString()).isNotBlank();
        assertThat(data.get("history")).hasSize(1);
        assertThat(data.get("history").get(0).get("status").asString()).isEqualTo("PENDING");
        assertThat(data.get("history").get(0).get("cause").asString()).isEqualTo("ShareRequested");
        assertThat(data.get("history").get(0).get("at").asString()).isNotBlank();

        assertThat(api.get("/v1/shares/" + shareId, Caller.sharer().token()).status()).isEqualTo(404);
        HttpTestClient.Response notAUuid = api.get("/v1/shares/123", sharer.token());
        assertThat(notAUuid.status()).isEqualTo(400);
        assertThat(notAUuid.error().get("extension").get("field").asString()).isEqualTo("shareId");
    }

    @Test
    void listsTheOrganisationsSharesByResourceStatusAndRecipient() {
        Caller caller = Caller.sharer();
        UUID resource = createDocument(caller);
        UUID other = createDocument(caller);
        api.post("/v1/shares/" + resource, caller.token(), Map.of("recipients",
                List.of(Map.of("email", "one@example.com"), Map.of("email", "two@example.com"))));
        api.post("/v1/shares/" + other, caller.token(), Map.of("recipientEmail", "one@example.com"));

        assertThat(api.get("/v1/shares", caller.token()).json().get("page").get("totalElements").asLong()).isEqualTo(3);
        HttpTestClient.Response byResource = api.get("/v1/shares?resourceId=" + resource, caller.token());
        assertThat(byResource.data()).hasSize(2);
        assertThat(byResource.data().get(0).has("history")).isFalse();
        assertThat(api.get("/v1/shares?recipientEmail=ONE@example.com", caller.token()).data()).hasSize(2);
        assertThat(api.get("/v1/shares?status=PENDING&resourceId=" + other, caller.token()).data()).hasSize(1);
        assertThat(api.get("/v1/shares?status=ACTIVE", caller.token()).data()).isEmpty();
        assertThat(api.get("/v1/shares?status=active", caller.token()).status()).isEqualTo(400);
        assertThat(api.get("/v1/shares?size=1&page=2", caller.token()).data()).hasSize(1);
        assertThat(api.get("/v1/shares", Caller.sharer().token()).data()).isEmpty();
    }

    @Test
    void sharesAreAlsoAvailableInXml() {
        UUID resource = createDocument(sharer);
        UUID shareId = share(resource, "xml@example.com");

        HttpTestClient.Response response = api.send("GET", "/v1/shares/" + shareId, sharer.token(), null,
                Map.of("Accept", "application/xml"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/xml");
        assertThat(response.body()).contains("<recipientEmail>xml@example.com</recipientEmail>");

        HttpTestClient.Response accepted = api.send("POST", "/v1/shares/" + resource, sharer.token(),
                "<share><recipientEmail>posted@example.com</recipientEmail><role>downloader</role></share>",
                Map.of("Content-Type", "application/xml", "Accept", "application/xml"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.body()).contains("<recipientEmail>posted@example.com</recipientEmail>");
    }

    private UUID share(UUID resource, String recipient) {
        HttpTestClient.Response response = api.post("/v1/shares/" + resource, sharer.token(), Map.of("recipientEmail", recipient));
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        return UUID.fromString(response.data().get("shares").get(0).get("shareId").asString());
    }

    private void knownUser(UUID userId, UUID organizationId, String email) {
        publish(Topics.USER_DIRECTORY, userId, UserUpserted.newBuilder().setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now()).setUserId(userId).setOrganizationId(organizationId).setEmail(email)
                .setDisplayName(null).setStatus("ACTIVE").build());
        await().until(() -> count("select count(*) from directory_user where user_id = ?", userId) == 1);
    }

    private ShareRequested awaitShareRequested(UUID shareId) {
        return (ShareRequested) kafka().eventsUntil(Topics.SHARE_EVENTS, shareId.toString(), events -> !events.isEmpty())
                .get(0);
    }

    private void assertBadRequest(String path, Map<String, Object> body, String field) {
        HttpTestClient.Response response = api.post(path, sharer.token(), new LinkedHashMap<>(body));
        assertThat(response.status()).as(field + ": " + response).isEqualTo(400);
        assertThat(response.error().get("errorCode").asString()).isEqualTo("BadRequest");
        assertThat(response.error().get("extension").get("field").asString()).as(response.toString()).isEqualTo(field);
    }
}
