package io.shareflow.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shareflow.api.ShareApiIntegrationSupport;
import io.shareflow.api.support.Caller;
import io.shareflow.testsupport.HttpTestClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Effective access through shares: direct, inherited from the folders above (a tree of 5 levels), through
 * collections (a document in 3 of them); the highest role wins, and a move, revoke or expiry counts at once.
 */
class InheritedAccessIT extends ShareApiIntegrationSupport {

    private final Caller sharer = Caller.sharer();
    private final Caller reader = Caller.of(sharer.organizationId(), "viewer");

    @Autowired
    private ResourceAccess resourceAccess;

    /** levels.get(0) is the top folder, levels.get(4) the deepest; the document is in the deepest. */
    private final List<UUID> levels = new ArrayList<>();
    private UUID document;
    private List<UUID> collections;

    @BeforeEach
    void tree() {
        UUID parent = null;
        for (int level = 0; level < 5; level++) {
            parent = createResource(sharer, "folder", null, null, parent);
            levels.add(parent);
        }
        document = createResource(sharer, "file", "asset-document", null, parent);
        collections = List.of(collection(document), collection(document), collection(document));
    }

    @Test
    void theHighestRoleWinsWhateverWayItComes() {
        assertAccess(reader, document, null, null, null);

        UUID top = share(levels.get(0), reader.email(), "viewer");
        assertAccess(reader, document, "viewer", "inherited", levels.get(0));
        assertThat(grantedBy(reader, document).get("shareId").asString()).isEqualTo(top.toString());

        share(collections.get(0), reader.email(), "downloader");
        assertAccess(reader, document, "downloader", "collection", collections.get(0));

        share(levels.get(3), reader.email(), "contributor");
        assertAccess(reader, document, "contributor", "inherited", levels.get(3));

        share(document, reader.email(), "viewer");
        assertAccess(reader, document, "contributor", "inherited", levels.get(3));
        share(collections.get(1), reader.email(), "viewer");
        share(collections.get(2), reader.email(), "downloader");
        assertAccess(reader, document, "contributor", "inherited", levels.get(3));

        // A collection that holds a folder reaches what is below it.
        UUID folders = collection(levels.get(2));
        share(folders, reader.email(), "manager");
        assertAccess(reader, document, "manager", "collection", folders);
        assertAccess(reader, levels.get(4), "manager", "collection", folders);
        assertAccess(reader, levels.get(1), "viewer", "inherited", levels.get(0));
        assertAccess(reader, levels.get(0), "viewer", "direct", levels.get(0));

        assertThat(resourceAccess.effectiveRole(sharer.organizationId(), document, reader.userId(), reader.email()))
                .contains("manager");
        assertThat(resourceAccess.effectiveRole(sharer.organizationId(), document, UUID.randomUUID(), null)).isEmpty();
        assertThat(resourceAccess.effectiveRole(UUID.randomUUID(), document, reader.userId(), reader.email()))
                .isEmpty();
        // The address matches whatever its case; the user id alone too.
        assertThat(resourceAccess.effectiveRole(sharer.organizationId(), levels.get(1), UUID.randomUUID(),
                reader.email().toUpperCase())).contains("viewer");
    }

    @Test
    void amongEqualRolesTheNearestShareIsNamed() {
        share(levels.get(0), reader.email(), "downloader");
        share(levels.get(2), reader.email(), "downloader");
        assertAccess(reader, document, "downloader", "inherited", levels.get(2));

        share(collections.get(1), reader.email(), "downloader");
        assertAccess(reader, document, "downloader", "inherited", levels.get(2));

        UUID direct = share(document, reader.email(), "downloader");
        assertAccess(reader, document, "downloader", "direct", document);
        assertThat(grantedBy(reader, document).get("shareId").asString()).isEqualTo(direct.toString());
    }

    @Test
    void aMoveChangesAccessAtOnce() {
        share(levels.get(1), reader.email(), "contributor");
        UUID elsewhere = createResource(sharer, "folder", null, null, null);
        assertAccess(reader, document, "contributor", "inherited", levels.get(1));

        assertThat(move(document, elsewhere).status()).isEqualTo(200);
        assertAccess(reader, document, null, null, null);

        assertThat(move(levels.get(3), elsewhere).status()).isEqualTo(200);
        assertThat(move(document, levels.get(4)).status()).isEqualTo(200);
        assertAccess(reader, document, null, null, null);

        assertThat(move(elsewhere, levels.get(1)).status()).isEqualTo(200);
        assertAccess(reader, document, "contributor", "inherited", levels.get(1));

        Map<String, Object> toTop = new HashMap<>();
        toTop.put("parentId", null);
        assertThat(api.send("PATCH", "/v1/resources/" + elsewhere, sharer.token(), toTop).status()).isEqualTo(200);
        assertAccess(reader, document, null, null, null);

        // The move that would make a cycle changes nothing.
        assertThat(move(elsewhere, levels.get(4)).status()).isEqualTo(409);
    }

    @Test
    void revokedRejectedAndExpiredSharesStopGranting() {
        UUID manager = share(document, reader.email(), "manager");
        UUID contributor = share(levels.get(4), reader.email(), "contributor");
        UUID downloader = share(collections.get(0), reader.email(), "downloader");
        UUID viewer = share(levels.get(0), reader.email(), "viewer");
        assertAccess(reader, document, "manager", "direct", document);

        setStatus(manager, "REVOKED");
        assertAccess(reader, document, "contributor", "inherited", levels.get(4));

        jdbc.sql("update share set expires_at = ? where id = ?")
                .params(Instant.now().minus(1, ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC), contributor).update();
        assertAccess(reader, document, "downloader", "collection", collections.get(0));

        setStatus(downloader, "REJECTED");
        assertAccess(reader, document, "viewer", "inherited", levels.get(0));

        setStatus(viewer, "NOTIFICATION_FAILED");
        assertAccess(reader, document, "viewer", "inherited", levels.get(0));
        setStatus(viewer, "EXPIRED");
        assertAccess(reader, document, null, null, null);
        assertThat(resourceAccess.effectiveRole(sharer.organizationId(), document, reader.userId(), reader.email()))
                .isEmpty();
    }

    @Test
    void aDeletedCollectionGrantsNothingAndInternalDocumentsAreReachedByNoShare() {
        share(collections.get(0), reader.email(), "manager");
        UUID internal = createResource(sharer, "file", "internal", null, levels.get(4));
        share(levels.get(4), reader.email(), "viewer");
        assertAccess(reader, document, "manager", "collection", collections.get(0));
        assertAccess(reader, internal, null, null, null);

        assertThat(api.send("DELETE", "/v1/resources/" + collections.get(0), sharer.token(), null).status())
                .isEqualTo(204);
        assertAccess(reader, document, "viewer", "inherited", levels.get(4));
    }

    @Test
    void linksCountForWhomTheirAudienceLetsIn() {
        Caller guest = Caller.of(sharer.organizationId());
        UUID organization = link(levels.get(2), Map.of("audience", "organization", "role", "viewer"));
        link(levels.get(1), Map.of("audience", "anyone", "role", "downloader"));
        link(document, Map.of("audience", "password", "password", "a long password", "role", "downloader"));

        assertAccess(reader, document, "viewer", "inherited", levels.get(2));
        assertThat(grantedBy(reader, document).get("shareType").asString()).isEqualTo("link");
        assertThat(grantedBy(reader, document).get("audience").asString()).isEqualTo("organization");
        assertThat(grantedBy(reader, document).get("shareId").asString()).isEqualTo(organization.toString());
        assertThat(api.get("/v1/resources/" + document + "/access", guest.token()).status()).isEqualTo(404);

        link(collections.get(2), Map.of("audience", "users", "role", "downloader",
                "recipients", List.of(Map.of("email", guest.email()))));
        assertAccess(guest, document, "downloader", "collection", collections.get(2));
        assertThat(grantedBy(guest, document).get("audience").asString()).isEqualTo("users");
        assertThat(resourceAccess.effectiveRole(sharer.organizationId(), document, guest.userId(), guest.email()))
                .contains("downloader");
        // Links for the whole organisation follow the caller's roles, which effectiveRole does not know.
        assertThat(resourceAccess.effectiveRole(sharer.organizationId(), document, reader.userId(), reader.email()))
                .isEmpty();
    }

    @Test
    void aGuestFindsOnlyWhatIsSharedWithThemAndAnotherOrganisationNothing() {
        Caller guest = Caller.of(sharer.organizationId());
        Caller stranger = Caller.of(UUID.randomUUID(), "admin");
        Response before = api.get("/v1/resources/" + document + "/access", guest.token());
        assertThat(before.status()).as(before.toString()).isEqualTo(404);
        assertThat(before.error().get("errorCode").asString()).isEqualTo("NotFound");

        UUID shareId = share(levels.get(3), guest.email(), "downloader");

        assertAccess(guest, document, "downloader", "inherited", levels.get(3));
        assertThat(api.get("/v1/resources/" + levels.get(2) + "/access", guest.token()).status()).isEqualTo(404);
        assertThat(api.get("/v1/resources/" + document + "/access", stranger.token()).status()).isEqualTo(404);
        assertThat(api.get("/v1/resources/" + UUID.randomUUID() + "/access", reader.token()).status())
                .isEqualTo(404);
        setStatus(shareId, "REVOKED");
        assertThat(api.get("/v1/resources/" + document + "/access", guest.token()).status()).isEqualTo(404);
        // A member reads null, not 404.
        assertAccess(reader, document, null, null, null);
        assertThat(api.get("/v1/resources/nope/access", reader.token()).error().get("extension").get("field")
                .asString()).isEqualTo("id");
    }

    @Test
    void aShareToTheUserIdCountsWhateverTheAddress() {
        UUID shareId = share(levels.get(0), "someone.else." + UUID.randomUUID() + "@example.com", "contributor");
        assertAccess(reader, document, null, null, null);

        jdbc.sql("update share set recipient_user_id = ? where id = ?").params(reader.userId(), shareId).update();

        assertAccess(reader, document, "contributor", "inherited", levels.get(0));
    }

    @Test
    void permissionsListEveryShareThatReachesTheResourceAndHow() {
        String ann = "ann." + UUID.randomUUID() + "@example.com";
        UUID direct = share(document, ann, "manager");
        UUID inherited = share(levels.get(1), reader.email(), "viewer");
        UUID viaCollection = share(collections.get(1), "bob." + UUID.randomUUID() + "@example.com", "downloader");
        UUID link = link(levels.get(4), Map.of("audience", "users", "role", "viewer",
                "recipients", List.of(Map.of("email", ann))));
        UUID revoked = share(document, "carl." + UUID.randomUUID() + "@example.com", "viewer");
        setStatus(revoked, "REVOKED");
        share(createDocument(sharer), ann, "viewer");

        Response response = api.get("/v1/resources/" + document + "/permissions", sharer.token());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("page").get("totalElements").asLong()).isEqualTo(4);
        JsonNode data = response.data();
        assertThat(data.valueStream().map(p -> p.get("shareId").asString()).toList()).containsExactly(
                direct.toString(), link.toString(), inherited.toString(), viaCollection.toString());
        JsonNode first = data.get(0);
        assertThat(first.get("via").asString()).isEqualTo("direct");
        assertThat(first.get("shareType").asString()).isEqualTo("person");
        assertThat(first.get("role").asString()).isEqualTo("manager");
        assertThat(first.get("status").asString()).isEqualTo("PENDING");
        assertThat(first.get("recipient").get("email").asString()).isEqualTo(ann);
        assertThat(first.get("resourceId").asString()).isEqualTo(document.toString());
        assertThat(first.get("sharedBy").get("userId").asString()).isEqualTo(sharer.userId().toString());
        assertThat(first.get("sharedBy").get("email").asString()).isEqualTo(sharer.email());
        assertThat(first.get("expiresAt").isNull()).isTrue();
        assertThat(first.get("createdAt").asString()).endsWith("Z");
        JsonNode second = data.get(1);
        assertThat(second.get("via").asString()).isEqualTo("inherited");
        assertThat(second.get("shareType").asString()).isEqualTo("link");
        assertThat(second.get("audience").asString()).isEqualTo("users");
        assertThat(second.get("recipient").isNull()).isTrue();
        assertThat(second.get("recipients").get(0).get("email").asString()).isEqualTo(ann);
        assertThat(second.get("resourceId").asString()).isEqualTo(levels.get(4).toString());
        assertThat(data.get(2).get("resourceId").asString()).isEqualTo(levels.get(1).toString());
        assertThat(data.get(3).get("via").asString()).isEqualTo("collection");
        assertThat(data.get(3).get("resourceId").asString()).isEqualTo(collections.get(1).toString());

        Response paged = api.get("/v1/resources/" + document + "/permissions?size=2&page=1", sharer.token());
        assertThat(paged.data().valueStream().map(p -> p.get("shareId").asString()).toList())
                .containsExactly(inherited.toString(), viaCollection.toString());

        assertThat(api.get("/v1/resources/" + document + "/permissions", reader.token()).status()).isEqualTo(403);
        assertThat(api.get("/v1/resources/" + document + "/permissions", Caller.of(sharer.organizationId()).token())
                .status()).isEqualTo(404);
        assertThat(api.get("/v1/resources/" + document + "/permissions", Caller.sharer().token()).status())
                .isEqualTo(404);
    }

    @Test
    void sharedWithMeListsTheCallersSharesNewestFirst() {
        Caller guest = Caller.of(sharer.organizationId());
        UUID first = share(levels.get(0), guest.email(), "viewer");
        UUID second = link(document, Map.of("audience", "users", "role", "downloader", "name", "Docs",
                "recipients", List.of(Map.of("email", guest.email().toUpperCase()))));
        UUID third = share(collections.get(0), guest.email(), "contributor");
        UUID revoked = share(document, guest.email(), "manager");
        setStatus(revoked, "REVOKED");
        UUID expired = share(levels.get(1), guest.email(), "viewer");
        jdbc.sql("update share set expires_at = ? where id = ?")
                .params(Instant.now().minus(1, ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC), expired).update();
        share(document, reader.email(), "viewer");

        Response mine = api.get("/v1/shared-with-me", guest.token());

        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.data().valueStream().map(s -> s.get("shareId").asString()).toList())
                .containsExactly(third.toString(), second.toString(), first.toString());
        JsonNode newest = mine.data().get(0);
        assertThat(newest.get("type").asString()).isEqualTo("person");
        assertThat(newest.get("role").asString()).isEqualTo("contributor");
        assertThat(newest.get("status").asString()).isEqualTo("PENDING");
        assertThat(newest.get("resource").get("id").asString()).isEqualTo(collections.get(0).toString());
        assertThat(newest.get("resource").get("kind").asString()).isEqualTo("collection");
        assertThat(newest.get("sharedBy").get("name").asString()).isEqualTo(sharer.name());
        assertThat(newest.get("sharedBy").get("email").asString()).isEqualTo(sharer.email());
        assertThat(newest.get("createdAt").asString()).endsWith("Z");
        JsonNode link = mine.data().get(1);
        assertThat(link.get("type").asString()).isEqualTo("link");
        assertThat(link.get("audience").asString()).isEqualTo("users");
        assertThat(link.get("name").asString()).isEqualTo("Docs");
        assertThat(link.get("resource").get("documentType").asString()).isEqualTo("asset-document");

        assertThat(ids(api.get("/v1/shared-with-me?status=REVOKED", guest.token()))).containsExactly(revoked.toString());
        Response expiredOnes = api.get("/v1/shared-with-me?status=EXPIRED", guest.token());
        assertThat(ids(expiredOnes)).containsExactly(expired.toString());
        assertThat(expiredOnes.data().get(0).get("status").asString()).isEqualTo("EXPIRED");
        assertThat(ids(api.get("/v1/shared-with-me?size=1&page=2", guest.token()))).containsExactly(first.toString());
        assertThat(api.get("/v1/shared-with-me", guest.token()).json().get("page").get("totalElements").asLong())
                .isEqualTo(3);
        assertThat(api.get("/v1/shared-with-me", reader.token()).data()).hasSize(1);
        assertThat(api.get("/v1/shared-with-me", Caller.sharer().token()).data()).isEmpty();
        Response bad = api.get("/v1/shared-with-me?status=GONE", guest.token());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.error().get("extension").get("field").asString()).isEqualTo("status");
        assertThat(api.get("/v1/shared-with-me", null).status()).isEqualTo(401);
    }

    private UUID collection(UUID item) {
        UUID collection = createResource(sharer, "collection", null, null, null);
        Response added = api.post("/v1/resources/" + collection + "/items", sharer.token(),
                Map.of("resourceId", item.toString()));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return collection;
    }

    private UUID share(UUID resource, String email, String role) {
        Response response = api.post("/v1/shares/" + resource, sharer.token(),
                Map.of("recipientEmail", email, "role", role, "notify", false));
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        return UUID.fromString(response.data().get("shares").get(0).get("shareId").asString());
    }

    private UUID link(UUID resource, Map<String, Object> body) {
        Map<String, Object> withNotify = new HashMap<>(body);
        withNotify.put("notify", false);
        Response response = api.post("/v1/shares/" + resource + "/links", sharer.token(), withNotify);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.data().get("shareId").asString());
    }

    private Response move(UUID resource, UUID parent) {
        return api.send("PATCH", "/v1/resources/" + resource, sharer.token(), Map.of("parentId", parent.toString()));
    }

    private void setStatus(UUID shareId, String status) {
        jdbc.sql("update share set status = ? where id = ?").params(status, shareId).update();
    }

    private JsonNode grantedBy(Caller caller, UUID resource) {
        return api.get("/v1/resources/" + resource + "/access", caller.token()).data().get("grantedBy");
    }

    private void assertAccess(Caller caller, UUID resource, String role, String via, UUID sharedResource) {
        Response response = api.get("/v1/resources/" + resource + "/access", caller.token());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode data = response.data();
        if (role == null) {
            assertThat(data.get("role").isNull()).as(response.toString()).isTrue();
            assertThat(data.get("grantedBy").isNull()).isTrue();
            return;
        }
        assertThat(data.get("role").asString()).as(response.toString()).isEqualTo(role);
        assertThat(data.get("grantedBy").get("via").asString()).as(response.toString()).isEqualTo(via);
        assertThat(data.get("grantedBy").get("resourceId").asString()).isEqualTo(sharedResource.toString());
    }

    private static List<String> ids(Response response) {
        return response.data().valueStream().map(s -> s.get("shareId").asString()).toList();
    }
}
