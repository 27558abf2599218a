package io.shareflow.api.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.shareflow.api.ShareApiIntegrationSupport;
import io.shareflow.api.support.Caller;
import io.shareflow.testsupport.HttpTestClient;
import io.shareflow.testsupport.HttpTestClient.Response;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** PATCH (rename, move) and DELETE of resources. */
class ResourceChangeIT extends ShareApiIntegrationSupport {

    private final Caller sharer = Caller.sharer();

    @Autowired
    private ApplicationEventMulticaster multicaster;

    @Test
    void renamesAndMovesAndMovesToTheTopLevelWithANullParent() {
        UUID folder = createResource(sharer, "folder", null, null, null);
        UUID other = createResource(sharer, "folder", null, null, null);
        UUID file = createResource(sharer, "file", "asset-document", null, folder);

        Response renamed = patch(file, Map.of("name", "  Pump manual.pdf "));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.data().get("name").asString()).isEqualTo("Pump manual.pdf");
        assertThat(renamed.data().get("parentId").asString()).isEqualTo(folder.toString());

        Response moved = patch(file, Map.of("parentId", other.toString()));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.data().get("parentId").asString()).isEqualTo(other.toString());
        assertThat(moved.data().get("name").asString()).isEqualTo("Pump manual.pdf");
        assertThat(api.get("/v1/resources?parentId=" + other, sharer.token()).data().get(0).get("id").asString())
                .isEqualTo(file.toString());

        Map<String, Object> toTop = new HashMap<>();
        toTop.put("parentId", null);
        Response top = patch(file, toTop);
        assertThat(top.status()).as(top.toString()).isEqualTo(200);
        assertThat(top.data().get("parentId").isNull()).isTrue();
        assertThat(api.get("/v1/resources/" + file, sharer.token()).data().get("parentId").isNull()).isTrue();

        Response nothing = patch(file, Map.of());
        assertThat(nothing.status()).isEqualTo(200);
        assertThat(nothing.data()).isEqualTo(top.data());
    }

    @Test
    void aMoveUnderItselfOrBelowItselfIsAConflict() {
        UUID top = createResource(sharer, "folder", null, null, null);
        UUID middle = createResource(sharer, "folder", null, null, top);
        UUID bottom = createResource(sharer, "folder", null, null, middle);

        for (UUID under : List.of(top, middle, bottom)) {
            Response response = patch(top, Map.of("parentId", under.toString()));
            assertThat(response.status()).as(response.toString()).isEqualTo(409);
            assertThat(response.error().get("errorCode").asString()).isEqualTo("Conflict");
        }
        assertThat(patch(middle, Map.of("parentId", bottom.toString())).status()).isEqualTo(409);
        assertThat(api.get("/v1/resources/" + top, sharer.token()).data().get("parentId").isNull()).isTrue();
        assertThat(patch(bottom, Map.of("parentId", top.toString())).status()).isEqualTo(200);
    }

    @Test
    void theNewParentMustBeAFolderOfTheSameOrganisation() {
        UUID file = createDocument(sharer);
        UUID collection = createResource(sharer, "collection", null, null, null);
        UUID otherFile = createDocument(sharer);
        UUID foreignFolder = createResource(Caller.sharer(), "folder", null, null, null);
        UUID deletedFolder = createResource(sharer, "folder", null, null, null);
        assertThat(api.send("DELETE", "/v1/resources/" + deletedFolder, sharer.token(), null).status()).isEqualTo(204);

        for (UUID parent : List.of(collection, otherFile, foreignFolder, deletedFolder, UUID.randomUUID())) {
            assertBadRequest(patch(file, Map.of("parentId", parent.toString())), "parentId");
        }
        assertBadRequest(patch(file, Map.of("parentId", "not-a-uuid")), "parentId");
        assertBadRequest(patch(file, Map.of("name", " ")), "name");
        assertBadRequest(patch(file, Map.of("name", "n".repeat(256))), "name");
        assertBadRequest(patch(file, Map.of("name", "two\nlines")), "name");
        Map<String, Object> nullName = new HashMap<>();
        nullName.put("name", null);
        assertBadRequest(patch(file, nullName), "name");
        assertBadRequest(api.send("PATCH", "/v1/resources/nope", sharer.token(), Map.of("name", "a")), "id");
    }

    @Test
    void onlyTheSharingRolesChangeOrDelete() {
        UUID file = createDocument(sharer);
        Caller viewer = Caller.of(sharer.organizationId(), "viewer");
        Caller guest = Caller.of(sharer.organizationId());
        Caller stranger = Caller.sharer();

        assertThat(api.send("PATCH", "/v1/resources/" + file, viewer.token(), Map.of("name", "x")).status())
                .isEqualTo(403);
        assertThat(api.send("DELETE", "/v1/resources/" + file, viewer.token(), null).status()).isEqualTo(403);
        for (Caller outsider : List.of(guest, stranger)) {
            Response changed = api.send("PATCH", "/v1/resources/" + file, outsider.token(), Map.of("name", "x"));
            assertThat(changed.status()).as(changed.toString()).isEqualTo(404);
            assertThat(api.send("DELETE", "/v1/resources/" + file, outsider.token(), null).status()).isEqualTo(404);
        }
        assertThat(api.get("/v1/resources/" + file, sharer.token()).data().get("name").asString()).startsWith("file");
        for (String role : List.of("admin", "producer-admin", "sales-agent")) {
            assertThat(api.send("PATCH", "/v1/resources/" + file, Caller.of(sharer.organizationId(), role).token(),
                    Map.of("name", role)).status()).as(role).isEqualTo(200);
        }
    }

    @Test
    void aDeletedResourceIsGoneFromReadsListsAndCollectionsAndIsDeletedOnce() {
        UUID folder = createResource(sharer, "folder", null, null, null);
        UUID file = createResource(sharer, "file", "maintenance-file", null, folder);
        UUID collection = createResource(sharer, "collection", null, null, null);
        assertThat(api.post("/v1/resources/" + collection + "/items", sharer.token(),
                Map.of("resourceId", file.toString())).status()).isEqualTo(201);

        Response deleted = api.send("DELETE", "/v1/resources/" + file, sharer.token(), null);

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(api.get("/v1/resources/" + file, sharer.token()).status()).isEqualTo(404);
        assertThat(api.get("/v1/resources?parentId=" + folder, sharer.token()).data()).isEmpty();
        assertThat(api.get("/v1/resources/" + collection + "/items", sharer.token()).data()).isEmpty();
        assertThat(count("select count(*) from collection_item where resource_id = ?", file)).isZero();
        assertThat(api.send("DELETE", "/v1/resources/" + file, sharer.token(), null).status()).isEqualTo(404);
        assertThat(api.send("PATCH", "/v1/resources/" + file, sharer.token(), Map.of("name", "x")).status())
                .isEqualTo(404);
        assertThat(api.post("/v1/shares/" + file, sharer.token(), Map.of("recipientEmail", "ann@example.com"))
                .status()).isEqualTo(404);
        assertThat(count("select count(*) from resource where id = ? and deleted_at is not null and deleted_by = ?",
                file, sharer.userId())).isOne();
    }

    @Test
    void aFolderThatHoldsAnythingIsNotDeleted() {
        UUID folder = createResource(sharer, "folder", null, null, null);
        UUID child = createResource(sharer, "file", "internal", null, folder);

        Response refused = api.send("DELETE", "/v1/resources/" + folder, sharer.token(), null);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.error().get("errorCode").asString()).isEqualTo("Conflict");
        assertThat(api.get("/v1/resources/" + folder, sharer.token()).status()).isEqualTo(200);

        assertThat(api.send("DELETE", "/v1/resources/" + child, sharer.token(), null).status()).isEqualTo(204);
        assertThat(api.send("DELETE", "/v1/resources/" + folder, sharer.token(), null).status()).isEqualTo(204);
    }

    @Test
    void aCollectionWithItemsIsDeletedAndItsItemsStay() {
        UUID collection = createResource(sharer, "collection", null, null, null);
        UUID file = createDocument(sharer);
        api.post("/v1/resources/" + collection + "/items", sharer.token(), Map.of("resourceId", file.toString()));

        assertThat(api.send("DELETE", "/v1/resources/" + collection, sharer.token(), null).status()).isEqualTo(204);

        assertThat(api.get("/v1/resources/" + file, sharer.token()).status()).isEqualTo(200);
        assertThat(count("select count(*) from collection_item where collection_id = ?", collection)).isZero();
    }

    @Test
    void deletingPublishesResourceDeletedInTheDeletesTransaction() {
        UUID file = createDocument(sharer);
        List<Object[]> seen = new ArrayList<>();
        ApplicationListener<ApplicationEvent> listener = event -> {
            if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof ResourceDeleted) {
                seen.add(new Object[] {payload.getPayload(),
                        TransactionSynchronizationManager.isActualTransactionActive()});
            }
        };
        multicaster.addApplicationListener(listener);
        try {
            assertThat(api.send("DELETE", "/v1/resources/" + file, sharer.token(), null).status()).isEqualTo(204);
        } finally {
            multicaster.removeApplicationListener(listener);
        }

        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)[0]).isEqualTo(new ResourceDeleted(file, sharer.organizationId(), sharer.userId()));
        assertThat(seen.get(0)[1]).isEqualTo(true);
    }

    @Test
    void twoCrossedMovesAtOnceNeverMakeACycle() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                UUID a = createResource(sharer, "folder", null, null, null);
                UUID b = createResource(sharer, "folder", null, null, null);
                CyclicBarrier start = new CyclicBarrier(2);
                Future<Integer> aUnderB = pool.submit(() -> moveWhenReady(start, a, b));
                Future<Integer> bUnderA = pool.submit(() -> moveWhenReady(start, b, a));

                assertThat(List.of(aUnderB.get(30, TimeUnit.SECONDS), bUnderA.get(30, TimeUnit.SECONDS)))
                        .containsExactlyInAnyOrder(200, 409);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private int moveWhenReady(CyclicBarrier start, UUID resource, UUID parent) throws Exception {
        HttpTestClient client = new HttpTestClient(port);
        start.await(30, TimeUnit.SECONDS);
        return client.send("PATCH", "/v1/resources/" + resource, sharer.token(),
                Map.of("parentId", parent.toString())).status();
    }

    private Response patch(UUID id, Map<String, Object> body) {
        return api.send("PATCH", "/v1/resources/" + id, sharer.token(), body);
    }

    private static void assertBadRequest(Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.error().get("errorCode").asString()).isEqualTo("BadRequest");
        assertThat(response.error().get("extension").get("field").asString()).isEqualTo(field);
    }
}
