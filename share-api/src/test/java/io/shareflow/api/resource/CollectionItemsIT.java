package io.shareflow.api.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shareflow.api.ShareApiIntegrationSupport;
import io.shareflow.api.support.Caller;
import io.shareflow.testsupport.HttpTestClient.Response;
import org.junit.jupiter.api.Test;

/** Collections hold files and folders of their organisation by reference. */
class CollectionItemsIT extends ShareApiIntegrationSupport {

    private final Caller sharer = Caller.sharer();

    @Test
    void addsListsReadsAndRemovesItems() {
        UUID collection = createResource(sharer, "collection", null, null, null);
        UUID folder = createResource(sharer, "folder", null, null, null);
        UUID file = createResource(sharer, "file", "maintenance-file", null, folder);

        Response added = add(collection, file);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.header("Location")).isEqualTo("/v1/resources/" + collection + "/items/" + file);
        assertThat(added.data().get("collectionId").asString()).isEqualTo(collection.toString());
        assertThat(added.data().get("resource").get("id").asString()).isEqualTo(file.toString());
        assertThat(added.data().get("resource").get("parentId").asString()).isEqualTo(folder.toString());
        assertThat(added.data().get("addedBy").asString()).isEqualTo(sharer.userId().toString());
        assertThat(added.data().get("addedAt").asString()).endsWith("Z");
        assertThat(add(collection, folder).status()).isEqualTo(201);

        Caller viewer = Caller.of(sharer.organizationId(), "viewer");
        Response first = api.get("/v1/resources/" + collection + "/items?size=1", viewer.token());
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.data()).hasSize(1);
        assertThat(first.data().get(0).get("resource").get("id").asString()).isEqualTo(file.toString());
        assertThat(first.json().get("page").get("totalElements").asLong()).isEqualTo(2);
        Response second = api.get("/v1/resources/" + collection + "/items?size=1&page=1", viewer.token());
        assertThat(second.data().get(0).get("resource").get("id").asString()).isEqualTo(folder.toString());
        assertThat(api.get(added.header("Location"), viewer.token()).data()).isEqualTo(added.data());
        // Held by reference: the file stays in its folder.
        assertThat(api.get("/v1/resources/" + file, sharer.token()).data().get("parentId").asString())
                .isEqualTo(folder.toString());

        Response removed = api.send("DELETE", "/v1/resources/" + collection + "/items/" + file, sharer.token(), null);
        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
        assertThat(api.get("/v1/resources/" + collection + "/items", viewer.token()).data()).hasSize(1);
        assertThat(api.send("DELETE", "/v1/resources/" + collection + "/items/" + file, sharer.token(), null)
                .status()).isEqualTo(404);
        assertThat(api.get(added.header("Location"), viewer.token()).status()).isEqualTo(404);
        assertThat(api.get("/v1/resources/" + file, sharer.token()).status()).isEqualTo(200);
    }

    @Test
    void aResourceCanBeInManyCollectionsButOnceInEach() {
        UUID file = createDocument(sharer);
        List<UUID> collections = List.of(createResource(sharer, "collection", null, null, null),
                createResource(sharer, "collection", null, null, null),
                createResource(sharer, "collection", null, null, null));
        for (UUID collection : collections) {
            assertThat(add(collection, file).status()).isEqualTo(201);
        }

        Response twice = add(collections.get(0), file);

        assertThat(twice.status()).as(twice.toString()).isEqualTo(409);
        assertThat(twice.error().get("errorCode").asString()).isEqualTo("Conflict");
        assertThat(count("select count(*) from collection_item where resource_id = ?", file)).isEqualTo(3);
    }

    @Test
    void theTargetMustBeACollectionAndTheItemAFileOrFolderOfTheOrganisation() {
        UUID collection = createResource(sharer, "collection", null, null, null);
        UUID folder = createResource(sharer, "folder", null, null, null);
        UUID file = createDocument(sharer);

        assertRefused(add(folder, file), null);
        assertRefused(add(file, folder), null);
        assertThat(api.get("/v1/resources/" + folder + "/items", sharer.token()).status()).isEqualTo(422);
        assertRefused(add(collection, createResource(sharer, "collection", null, null, null)), "resourceId");
        assertRefused(add(collection, createResource(sharer, "file", "internal", null, null)), "resourceId");
        assertRefused(add(collection, createDocument(Caller.sharer())), "resourceId");
        assertRefused(add(collection, UUID.randomUUID()), "resourceId");
        UUID deleted = createDocument(sharer);
        api.send("DELETE", "/v1/resources/" + deleted, sharer.token(), null);
        assertRefused(add(collection, deleted), "resourceId");

        Response noId = api.post("/v1/resources/" + collection + "/items", sharer.token(), Map.of());
        assertThat(noId.status()).isEqualTo(400);
        assertThat(noId.error().get("extension").get("field").asString()).isEqualTo("resourceId");
        Response badId = api.post("/v1/resources/" + collection + "/items", sharer.token(), Map.of("resourceId", "x"));
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.error().get("extension").get("field").asString()).isEqualTo("resourceId");
        assertThat(api.post("/v1/resources/nope/items", sharer.token(), Map.of("resourceId", file.toString()))
                .error().get("extension").get("field").asString()).isEqualTo("collectionId");
        assertThat(count("select count(*) from collection_item where collection_id = ?", collection)).isZero();
    }

    @Test
    void membersReadItemsTheSharingRolesChangeThemOthersFindNothing() {
        UUID collection = createResource(sharer, "collection", null, null, null);
        UUID file = createDocument(sharer);
        Caller viewer = Caller.of(sharer.organizationId(), "viewer");

        assertThat(add(collection, file, viewer).status()).isEqualTo(403);
        assertThat(add(collection, file).status()).isEqualTo(201);
        assertThat(api.send("DELETE", "/v1/resources/" + collection + "/items/" + file, viewer.token(), null)
                .status()).isEqualTo(403);
        for (Caller outsider : List.of(Caller.of(sharer.organizationId()), Caller.sharer())) {
            assertThat(add(collection, file, outsider).status()).isEqualTo(404);
            assertThat(api.get("/v1/resources/" + collection + "/items", outsider.token()).status()).isEqualTo(404);
            assertThat(api.send("DELETE", "/v1/resources/" + collection + "/items/" + file, outsider.token(), null)
                    .status()).isEqualTo(404);
        }
        assertThat(api.get("/v1/resources/" + collection + "/items", viewer.token()).data()).hasSize(1);
    }

    private Response add(UUID collection, UUID resource) {
        return add(collection, resource, sharer);
    }

    private Response add(UUID collection, UUID resource, Caller caller) {
        return api.post("/v1/resources/" + collection + "/items", caller.token(),
                Map.of("resourceId", resource.toString()));
    }

    private static void assertRefused(Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.error().get("errorCode").asString()).isEqualTo("UnprocessableEntity");
        if (field != null) {
            assertThat(response.error().get("extension").get("field").asString()).isEqualTo(field);
        }
    }
}
