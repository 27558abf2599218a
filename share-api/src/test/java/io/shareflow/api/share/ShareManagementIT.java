package io.shareflow.api.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shareflow.api.ShareApiIntegrationSupport;
import io.shareflow.api.support.Caller;
import io.shareflow.events.NotificationFailed;
import io.shareflow.events.NotificationSent;
import io.shareflow.events.RecipientRejected;
import io.shareflow.events.ShareNotificationRequested;
import io.shareflow.events.ShareRevoked;
import io.shareflow.events.ShareUpdated;
import io.shareflow.schemas.Topics;
import io.shareflow.testsupport.HttpTestClient.Response;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Managing a share (DESIGN.md "Managing shares"): PATCH, DELETE and re-send, who may do them, and what each leaves
 * behind: the share, its history, its event, and the link, which follows at once.
 */
class ShareManagementIT extends ShareApiIntegrationSupport {

    private final Caller sharer = Caller.sharer();

    // --- PATCH ---------------------------------------------------------------------------------------------------

    @Test
    void theSharerChangesRoleAndExpiryAndClearsTheExpiryWithNull() {
        UUID shareId = directShare(sharer, createDocument(sharer), newAddress("patch"), Map.of()).shareId();
        Instant expiresAt = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        Response changed = patch(sharer, shareId, Map.of("role", "manager", "expiresAt", expiresAt.toString()));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.data().get("shareId").asString()).isEqualTo(shareId.toString());
        assertThat(changed.data().get("role").asString()).isEqualTo("manager");
        assertThat(Instant.parse(changed.data().get("expiresAt").asString())).isEqualTo(expiresAt);
        assertThat(changed.data().get("url").asString()).startsWith(LINK_BASE + "/s/");
        JsonNode last = lastHistory(changed.data());
        assertThat(last.get("cause").asString()).isEqualTo("ShareUpdated(role viewer -> manager; expiresAt never -> "
                + expiresAt + ")");
        assertThat(last.get("by").asString()).isEqualTo(sharer.userId().toString());
        assertThat(last.get("status").asString()).isEqualTo("PENDING");
        assertThat(changed.json()).isEqualTo(api.get("/v1/shares/" + shareId, sharer.token()).json());

        ShareUpdated event = lastEvent(shareId, ShareUpdated.class, 1);
        assertThat(event.getRole()).isEqualTo("manager");
        assertThat(event.getExpiresAt()).isEqualTo(expiresAt);
        assertThat(event.getUpdatedBy()).isEqualTo(sharer.userId());
        assertThat(event.getChanges()).containsExactly("role", "expiresAt");
        assertThat(event.getAudience()).isNull();

        Map<String, Object> clear = new HashMap<>();
        clear.put("expiresAt", null);
        Response cleared = patch(sharer, shareId, clear);
        assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
        assertThat(cleared.data().get("expiresAt").isNull()).isTrue();
        assertThat(cleared.data().get("role").asString()).as("left as it was").isEqualTo("manager");
        assertThat(lastEvent(shareId, ShareUpdated.class, 2).getChanges()).containsExactly("expiresAt");
    }

    @Test
    void aChangeThatChangesNothingRecordsAndPublishesNothing() {
        UUID shareId = directShare(sharer, createDocument(sharer), newAddress("same"), Map.of()).shareId();

        Response same = patch(sharer, shareId, Map.of("role", "viewer"));
        Response empty = patch(sharer, shareId, Map.of());

        assertThat(same.status()).isEqualTo(200);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(same.data().get("history")).hasSize(1);
        assertThat(outboxCount(shareId, "ShareUpdated")).isZero();
    }

    @Test
    void theNextOpenOfALinkSeesTheChangeAtOnce() {
        Link link = link(sharer, createDocument(sharer), Map.of("audience", "anyone"));
        assertThat(open(link.token(), null).data().get("canDownload").asBoolean()).isFalse();

        assertThat(patch(sharer, link.shareId(), Map.of("role", "downloader")).status()).isEqualTo(200);
        Response opened = open(link.token(), null);
        assertThat(opened.data().get("role").asString()).isEqualTo("downloader");
        assertThat(opened.data().get("canDownload").asBoolean()).isTrue();

        Response toPassword = patch(sharer, link.shareId(), Map.of("audience", "password", "password", "correct horse"));
        assertThat(toPassword.status()).as(toPassword.toString()).isEqualTo(200);
        assertThat(toPassword.data().get("audience").asString()).isEqualTo("password");
        assertThat(toPassword.body()).doesNotContain("correct horse");
        assertThat(open(link.token(), null).status()).isEqualTo(401);
        assertThat(open(link.token(), "correct horse").status()).isEqualTo(200);

        assertThat(patch(sharer, link.shareId(), Map.of("password", "battery staple")).status()).isEqualTo(200);
        assertThat(open(link.token(), "correct horse").status()).isEqualTo(401);
        assertThat(open(link.token(), "battery staple").status()).isEqualTo(200);

        ShareUpdated event = lastEvent(link.shareId(), ShareUpdated.class, 3);
        assertThat(event.getChanges()).containsExactly("password");
        assertThat(event.getAudience()).isEqualTo("password");
        assertThat(event.toString()).doesNotContain("battery staple");

        Instant soon = Instant.now().plusSeconds(2);
        assertThat(patch(sharer, link.shareId(), Map.of("audience", "anyone", "expiresAt", soon.toString())).status())
                .isEqualTo(200);
        assertThat(open(link.token(), null).status()).as("anyone again, no password").isEqualTo(200);
        await().until(() -> open(link.token(), null).status() == 410);
    }

    @Test
    void badChangesAre400NamingTheFieldAndChangeNothing() {
        UUID direct = directShare(sharer, createDocument(sharer), newAddress("bad"), Map.of()).shareId();
        Link link = link(sharer, createDocument(sharer), Map.of("audience", "anyone"));

        assertBadRequest(patch(sharer, direct, Map.of("expiresAt", Instant.now().minusSeconds(60).toString())),
                "expiresAt");
        assertBadRequest(patch(sharer, direct, Map.of("expiresAt", "tomorrow")), "expiresAt");
        assertBadRequest(patch(sharer, direct, Map.of("role", "owner")), "role");
        assertBadRequest(patch(sharer, direct, Map.of("password", "long enough password")), "password");
        assertBadRequest(patch(sharer, direct, Map.of("audience", "anyone")), "audience");
        assertBadRequest(patch(sharer, link.shareId(), Map.of("role", "manager")), "role");
        assertBadRequest(patch(sharer, link.shareId(), Map.of("audience", "password")), "password");
        assertBadRequest(patch(sharer, link.shareId(), Map.of("password", "long enough password")), "password");
        assertBadRequest(patch(sharer, link.shareId(), Map.of("audience", "password", "password", "short")),
                "password");
        assertBadRequest(patch(sharer, link.shareId(), Map.of("audience", "everyone")), "audience");
        assertBadRequest(api.send("PATCH", "/v1/shares/not-a-uuid", sharer.token(), Map.of("role", "viewer")),
                "shareId");

        Response users = patch(sharer, link.shareId(), Map.of("audience", "users"));
        assertThat(users.status()).as(users.toString()).isEqualTo(422);
        assertThat(users.onlyError().get("extension").get("field").asString()).isEqualTo("audience");

        assertThat(outboxCount(direct, "ShareUpdated") + outboxCount(link.shareId(), "ShareUpdated")).isZero();
        assertThat(api.get("/v1/shares/" + link.shareId(), sharer.token()).data().get("audience").asString())
                .isEqualTo("anyone");
    }

    // --- who may -------------------------------------------------------------------------------------------------

    @Test
    void onlyTheSharerAnAdminOrAManagerOfTheResourceMayManageAShare() {
        UUID document = createDocument(sharer);
        UUID shareId = directShare(sharer, document, newAddress("who"), Map.of()).shareId();
        Caller colleague = Caller.of(sharer.organizationId(), "producer-user");
        Caller viewer = Caller.of(sharer.organizationId(), "viewer");
        Caller stranger = Caller.sharer();

        for (Caller forbidden : List.of(colleague, viewer)) {
            for (Response refused : List.of(patch(forbidden, shareId, Map.of("role", "downloader")),
                    api.send("DELETE", "/v1/shares/" + shareId, forbidden.token(), null),
                    api.post("/v1/shares/" + shareId + "/notifications", forbidden.token(), null))) {
                assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
                assertThat(refused.onlyError().get("errorCode").asString()).isEqualTo("NoPermission");
            }
        }
        for (Response refused : List.of(patch(stranger, shareId, Map.of("role", "downloader")),
                api.send("DELETE", "/v1/shares/" + shareId, stranger.token(), null),
                api.post("/v1/shares/" + shareId + "/notifications", stranger.token(), null))) {
            assertThat(refused.status()).as("another organisation: %s", refused).isEqualTo(404);
        }
        assertThat(outboxCount(shareId, "ShareUpdated") + outboxCount(shareId, "ShareRevoked")
                + outboxCount(shareId, "ShareNotificationRequested")).isZero();

        Caller admin = Caller.of(sharer.organizationId(), "producer-admin");
        assertThat(patch(admin, shareId, Map.of("role", "downloader")).status()).isEqualTo(200);
        assertThat(lastHistory(api.get("/v1/shares/" + shareId, sharer.token()).data()).get("by").asString())
                .isEqualTo(admin.userId().toString());

        // A viewer of the organisation who holds manager on the resource (a share to their address) may.
        directShare(sharer, document, viewer.email(), Map.of("role", "manager"));
        Response byManager = patch(viewer, shareId, Map.of("role", "contributor"));
        assertThat(byManager.status()).as(byManager.toString()).isEqualTo(200);
        assertThat(byManager.data().get("url").isMissingNode()).as("a manager sees the link too").isFalse();
        // ... and so may a guest (no role) who holds manager; one holding less is refused, one holding nothing 404.
        Caller guestManager = Caller.of(sharer.organizationId());
        Caller guestViewer = Caller.of(sharer.organizationId());
        directShare(sharer, document, guestManager.email(), Map.of("role", "manager"));
        directShare(sharer, document, guestViewer.email(), Map.of("role", "viewer"));
        assertThat(patch(guestManager, shareId, Map.of("role", "viewer")).status()).isEqualTo(200);
        assertThat(patch(guestViewer, shareId, Map.of("role", "manager")).status()).isEqualTo(403);
        assertThat(patch(Caller.of(sharer.organizationId()), shareId, Map.of("role", "manager")).status())
                .isEqualTo(404);
        // A manager share that was revoked grants nothing any more.
        UUID managerShare = directShare(sharer, document, colleague.email(), Map.of("role", "manager")).shareId();
        assertThat(patch(colleague, shareId, Map.of("role", "downloader")).status()).isEqualTo(200);
        assertThat(api.send("DELETE", "/v1/shares/" + managerShare, sharer.token(), null).status()).isEqualTo(204);
        assertThat(patch(colleague, shareId, Map.of("role", "manager")).status()).isEqualTo(403);
    }

    // --- DELETE --------------------------------------------------------------------------------------------------

    @Test
    void revokingIs204AndIdempotentAndTheLinkAndPageAre410AtOnce() {
        Shared share = directShare(sharer, createDocument(sharer), newAddress("revoke"), Map.of());
        assertThat(open(share.token(), null).status()).isEqualTo(200);

        Response revoked = api.send("DELETE", "/v1/shares/" + share.shareId(), sharer.token(), null);

        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(204);
        assertThat(open(share.token(), null).status()).isEqualTo(410);
        assertThat(open(share.token(), null).onlyError().get("errorCode").asString()).isEqualTo("Gone");
        Response page = api.send("GET", "/s/" + share.token(), null, null, Map.of("Accept", "text/html"));
        assertThat(page.status()).isEqualTo(410);
        assertThat(page.body()).contains("id=\"page-revoked\"");
        JsonNode details = api.get("/v1/shares/" + share.shareId(), sharer.token()).data();
        assertThat(details.get("status").asString()).isEqualTo("REVOKED");
        assertThat(lastHistory(details).get("cause").asString()).isEqualTo("ShareRevoked(user)");
        assertThat(lastHistory(details).get("by").asString()).isEqualTo(sharer.userId().toString());
        ShareRevoked event = lastEvent(share.shareId(), ShareRevoked.class, 1);
        assertThat(event.getCause()).isEqualTo("user");
        assertThat(event.getRevokedBy()).isEqualTo(sharer.userId());

        assertThat(api.send("DELETE", "/v1/shares/" + share.shareId(), sharer.token(), null).status()).isEqualTo(204);
        assertThat(outboxCount(share.shareId(), "ShareRevoked")).as("no second event").isEqualTo(1);
        assertThat(api.get("/v1/shares/" + share.shareId(), sharer.token()).data().get("history")).hasSize(2);

        for (Response refused : List.of(patch(sharer, share.shareId(), Map.of("role", "manager")),
                api.post("/v1/shares/" + share.shareId() + "/notifications", sharer.token(), null))) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.onlyError().get("errorCode").asString()).isEqualTo("Conflict");
        }
        assertThat(api.get("/v1/shares?status=REVOKED&resourceId=" + details.get("resourceId").asString(),
                sharer.token()).data()).hasSize(1);
    }

    @Test
    void aRevokedLinkIsGoneAndARejectedShareCanStillBeRevoked() {
        Link link = link(sharer, createDocument(sharer), Map.of("audience", "anyone"));
        assertThat(api.send("DELETE", "/v1/shares/" + link.shareId(), sharer.token(), null).status()).isEqualTo(204);
        assertThat(open(link.token(), null).status()).isEqualTo(410);

        Shared rejected = directShare(sharer, createDocument(sharer), newAddress("rejected"), Map.of());
        reject(rejected.shareId());
        assertThat(patch(sharer, rejected.shareId(), Map.of("role", "manager")).status()).isEqualTo(409);
        assertThat(api.post("/v1/shares/" + rejected.shareId() + "/notifications", sharer.token(), null).status())
                .isEqualTo(409);
        assertThat(api.send("DELETE", "/v1/shares/" + rejected.shareId(), sharer.token(), null).status())
                .isEqualTo(204);
        assertThat(api.get("/v1/shares/" + rejected.shareId(), sharer.token()).data().get("status").asString())
                .as("REVOKED over REJECTED").isEqualTo("REVOKED");
    }

    // --- re-send -------------------------------------------------------------------------------------------------

    @Test
    void reSendingIs202WithTheNextAttemptAndTheWayOutOfNotificationFailed() {
        String recipient = newAddress("resend");
        UUID shareId = directShare(sharer, createDocument(sharer), recipient, Map.of("notify", true)).shareId();
        // Provisioned: a share still waiting for provisioning is requested again instead (StuckShareIT).
        publish(Topics.SHARE_PROVISIONING, shareId, io.shareflow.events.RecipientProvisioned.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(Instant.now()).setShareId(shareId)
                .setCausationEventId(UUID.randomUUID()).setRecipientEmail(recipient).setUserId(UUID.randomUUID())
                .setOrganizationId(sharer.organizationId())
                .setOutcome("USER_CREATED").build());
        publish(Topics.SHARE_NOTIFICATIONS, shareId, NotificationFailed.newBuilder().setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now()).setShareId(shareId).setCausationEventId(UUID.randomUUID())
                .setAttempts(5).setPermanent(false).setReason("connection refused").build());
        await().until(() -> "NOTIFICATION_FAILED".equals(status(shareId))
                && count("select count(*) from share where id = ? and provisioning = 'USER_CREATED'", shareId) == 1);

        Response resent = api.post("/v1/shares/" + shareId + "/notifications", sharer.token(), null);

        assertThat(resent.status()).as(resent.toString()).isEqualTo(202);
        assertThat(resent.location()).isEqualTo("/v1/shares/" + shareId);
        ShareNotificationRequested first = lastEvent(shareId, ShareNotificationRequested.class, 1);
        assertThat(first.getAttempt()).isEqualTo(1);
        assertThat(first.getRecipientEmail()).isEqualTo(recipient);
        assertThat(first.getAudience()).isNull();
        assertThat(first.getLinkUrl()).isEmpty();
        assertThat(seals().open(bytes(first.getSealedLink()), shareId.toString())).startsWith(LINK_BASE + "/s/");
        JsonNode last = lastHistory(api.get("/v1/shares/" + shareId, sharer.token()).data());
        assertThat(last.get("cause").asString()).isEqualTo("ShareNotificationRequested(attempt 1)");
        assertThat(last.get("by").asString()).isEqualTo(sharer.userId().toString());

        assertThat(api.post("/v1/shares/" + shareId + "/notifications", sharer.token(), null).status()).isEqualTo(202);
        ShareNotificationRequested second = lastEvent(shareId, ShareNotificationRequested.class, 2);
        assertThat(second.getAttempt()).isEqualTo(2);
        assertThat(second.getEventId()).isNotEqualTo(first.getEventId());

        publish(Topics.SHARE_NOTIFICATIONS, shareId, NotificationSent.newBuilder().setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now()).setShareId(shareId).setCausationEventId(second.getEventId())
                .setMessageId("<share-" + shareId + "-2@shareflow>").setAttempt(1).setSkipped(false).build());
        await().until(() -> "ACTIVE".equals(status(shareId)));
    }

    @Test
    void aLinkIsReSentToEachOfItsRecipientsAndOneWithoutRecipientsIs422() {
        String ann = newAddress("ann");
        String bob = newAddress("bob");
        Link link = link(sharer, createDocument(sharer), Map.of("audience", "users", "name", "Manuals",
                "recipients", List.of(Map.of("email", ann), Map.of("email", bob))));

        assertThat(api.post("/v1/shares/" + link.shareId() + "/notifications", sharer.token(), null).status())
                .isEqualTo(202);

        List<ShareNotificationRequested> resent = kafka().eventsUntil(Topics.SHARE_EVENTS, link.shareId().toString(),
                        events -> events.stream().filter(ShareNotificationRequested.class::isInstance).count() == 2)
                .stream().filter(ShareNotificationRequested.class::isInstance)
                .map(ShareNotificationRequested.class::cast).toList();
        assertThat(resent).extracting(ShareNotificationRequested::getRecipientEmail).containsExactly(ann, bob);
        assertThat(resent).allSatisfy(event -> {
            assertThat(event.getAttempt()).isEqualTo(1);
            assertThat(event.getAudience()).isEqualTo("users");
            assertThat(event.getLinkName()).isEqualTo("Manuals");
        });

        Link silent = link(sharer, createDocument(sharer), Map.of("audience", "anyone"));
        Response none = api.post("/v1/shares/" + silent.shareId() + "/notifications", sharer.token(), null);
        assertThat(none.status()).as(none.toString()).isEqualTo(422);
        assertThat(outboxCount(silent.shareId(), "ShareNotificationRequested")).isZero();
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    record Shared(UUID shareId, String token) {
    }

    record Link(UUID shareId, String token) {
    }

    private Shared directShare(Caller caller, UUID resource, String recipient, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("recipientEmail", recipient, "notify", false));
        body.putAll(extra);
        Response response = api.post("/v1/shares/" + resource, caller.token(), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        JsonNode share = response.data().get("shares").get(0);
        return new Shared(UUID.fromString(share.get("shareId").asString()), tokenOf(share.get("url").asString()));
    }

    private Link link(Caller caller, UUID resource, Map<String, Object> body) {
        Response response = api.post("/v1/shares/" + resource + "/links", caller.token(), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return new Link(UUID.fromString(response.data().get("shareId").asString()),
                tokenOf(response.data().get("url").asString()));
    }

    private Response patch(Caller caller, UUID shareId, Map<String, Object> body) {
        return api.send("PATCH", "/v1/shares/" + shareId, caller.token(), body);
    }

    private Response open(String token, String password) {
        return password == null ? api.get("/v1/links/" + token, null)
                : api.send("GET", "/v1/links/" + token, null, null, Map.of("X-Share-Password", password));
    }

    private String status(UUID shareId) {
        return api.get("/v1/shares/" + shareId, sharer.token()).data().get("status").asString();
    }

    private void reject(UUID shareId) {
        publish(Topics.SHARE_PROVISIONING, shareId, RecipientRejected.newBuilder().setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now()).setShareId(shareId).setCausationEventId(UUID.randomUUID())
                .setRecipientEmail("r@example.com").setReason("user of another organisation").build());
        await().until(() -> "REJECTED".equals(status(shareId)));
    }

    private long outboxCount(UUID shareId, String type) {
        return count("select count(*) from outbox_event where aggregateid = ? and type = ?", shareId.toString(), type);
    }

    /** The {@code n}th event of this type for the share (waiting until it is on the topic). */
    private static <T extends SpecificRecord> T lastEvent(UUID shareId, Class<T> type, int n) {
        List<SpecificRecord> events = kafka().eventsUntil(Topics.SHARE_EVENTS, shareId.toString(),
                all -> all.stream().filter(type::isInstance).count() >= n);
        return type.cast(events.stream().filter(type::isInstance).toList().get(n - 1));
    }

    private static JsonNode lastHistory(JsonNode share) {
        JsonNode history = share.get("history");
        return history.get(history.size() - 1);
    }

    private static void assertBadRequest(Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.onlyError().get("errorCode").asString()).isEqualTo("BadRequest");
        assertThat(response.onlyError().get("extension").get("field").asString()).as(response.toString())
                .isEqualTo(field);
    }

    private static String newAddress(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@recipient.example";
    }

    private static String tokenOf(String url) {
        assertThat(url).startsWith(LINK_BASE + "/s/");
        return url.substring((LINK_BASE + "/s/").length());
    }
}
