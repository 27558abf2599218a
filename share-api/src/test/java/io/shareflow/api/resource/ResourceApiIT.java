package io.shareflow.api.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import io.shareflow.api.ShareApiIntegrationSupport;
import io.shareflow.api.support.Caller;
import io.shareflow.testsupport.HttpTestClient;
import org.junit.jupiter.api.Test;

class ResourceApiIT extends ShareApiIntegrationSupport {

    private final Caller sharer = Caller.sharer();

    @Test
    void createsAFileAndReadsItBack() {
        UUID asset = UUID.randomUUID();
        HttpTestClient.Response created = api.post("/v1/resources", sharer.token(), Map.of("name", "Manual.pdf", "kind", "file",
                "documentType", "maintenance-file", "assetId", asset.toString()));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.data().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/v1/resources/" + id);
        assertThat(created.header("Content-Type")).startsWith("application/json");
        assertThat(created.data().get("name").asString()).isEqualTo("Manual.pdf");
        assertThat(created.data().get("kind").asString()).isEqualTo("file");
        assertThat(created.data().get("documentType").asString()).isEqualTo("maintenance-file");
        assertThat(created.data().get("assetId").asString()).isEqualTo(asset.toString());
        assertThat(created.data().get("organizationId").asString()).isEqualTo(sharer.organizationId().toString());
        assertThat(created.data().get("createdAt").asString()).endsWith("Z");

        HttpTestClient.Response read = api.get("/v1/resources/" + id, Caller.of(sharer.organizationId(), "viewer").token());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.data()).isEqualTo(created.data());
    }

    @Test
    void documentTypeIsRequiredForFilesAndForbiddenOtherwise() {
        assertBadRequest(Map.of("name", "a", "kind", "file"), "documentType");
        assertBadRequest(Map.of("name", "a", "kind", "folder", "documentType", "internal"), "documentType");
        assertBadRequest(Map.of("name", "a", "kind", "file", "documentType", "secret"), "documentType");
        assertBadRequest(Map.of("name", "a", "kind", "drive"), "kind");
        assertBadRequest(Map.of("kind", "folder"), "name");
        assertBadRequest(Map.of("name", "a", "kind", "folder", "assetId", "A-1"), "assetId");
        assertBadRequest(Map.of("name", "a", "kind", "folder", "parentId", "x"), "parentId");
        assertBadRequest(Map.of("name", "n".repeat(256), "kind", "folder"), "name");
    }

    @Test
    void theParentMustBeAFolderOrCollectionOfTheSameOrganisation() {
        UUID folder = createResource(sharer, "folder", null, null, null);
        UUID file = createDocument(sharer);
        UUID foreignFolder = createResource(Caller.sharer(), "folder", null, null, null);

        UUID child = createResource(sharer, "file", "internal", null, folder);
        assertThat(api.get("/v1/resources/" + child, sharer.token()).data().get("parentId").asString())
                .isEqualTo(folder.toString());
        assertBadRequest(Map.of("name", "a", "kind", "folder", "parentId", file.toString()), "parentId");
        assertBadRequest(Map.of("name", "a", "kind", "folder", "parentId", foreignFolder.toString()), "parentId");
        assertBadRequest(Map.of("name", "a", "kind", "folder", "parentId", UUID.randomUUID().toString()), "parentId");
    }

    @Test
    void anotherOrganisationsResourceIsNotFound() {
        UUID id = createDocument(sharer);

        HttpTestClient.Response response = api.get("/v1/resources/" + id, Caller.sharer().token());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.error().get("errorCode").asString()).isEqualTo("NotFound");
        assertThat(response.error().get("extension").isObject()).isTrue();
    }

    @Test
    void aPathIdThatIsNotAUuidIsABadRequestNamingIt() {
        HttpTestClient.Response response = api.get("/v1/resources/not-a-uuid", sharer.token());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error().get("extension").get("field").asString()).isEqualTo("id");
    }

    @Test
    void listsTheChildrenOfAFolderPageByPage() {
        Caller caller = Caller.sharer();
        UUID folder = createResource(caller, "folder", null, null, null);
        UUID first = createResource(caller, "file", "asset-document", null, folder);
        UUID second = createResource(caller, "collection", null, null, folder);
        createResource(caller, "file", "asset-document", null, null);

        HttpTestClient.Response page = api.get("/v1/resources?parentId=" + folder + "&size=1", caller.token());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.data()).hasSize(1);
        assertThat(page.data().get(0).get("id").asString()).isEqualTo(first.toString());
        assertThat(page.json().get("page").get("number").asInt()).isZero();
        assertThat(page.json().get("page").get("size").asInt()).isEqualTo(1);
        assertThat(page.json().get("page").get("totalElements").asLong()).isEqualTo(2);

        HttpTestClient.Response next = api.get("/v1/resources?parentId=" + folder + "&size=1&page=1", caller.token());
        assertThat(next.data().get(0).get("id").asString()).isEqualTo(second.toString());

        assertThat(api.get("/v1/resources", caller.token()).json().get("page").get("totalElements").asLong())
                .isEqualTo(4);
        assertThat(api.get("/v1/resources?size=0", caller.token()).status()).isEqualTo(400);
    }

    @Test
    void onlySharingRolesMayCreate() {
        HttpTestClient.Response response = api.post("/v1/resources", Caller.of(sharer.organizationId(), "viewer").token(),
                Map.of("name", "a", "kind", "folder"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.error().get("errorCode").asString()).isEqualTo("NoPermission");
        for (String role : new String[] {"admin", "producer-admin", "producer-user", "sales-agent"}) {
            assertThat(api.post("/v1/resources", Caller.of(sharer.organizationId(), role).token(),
                    Map.of("name", "a", "kind", "folder")).status()).as(role).isEqualTo(201);
        }
    }

    @Test
    void aTokenIsRequired() {
        HttpTestClient.Response missing = api.get("/v1/resources/" + UUID.randomUUID(), null);
        HttpTestClient.Response bad = api.get("/v1/resources/" + UUID.randomUUID(), sharer.token() + "x");

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.error().get("errorCode").asString()).isEqualTo("Unauthorized");
        assertThat(bad.status()).isEqualTo(401);
    }

    @Test
    void speaksXmlWhenAskedTo() {
        UUID id = createDocument(sharer);

        HttpTestClient.Response response = api.send("GET", "/v1/resources/" + id, sharer.token(), null,
                Map.of("Accept", "application/xml"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/xml");
        assertThat(response.body()).contains("<id>" + id + "</id>");

        HttpTestClient.Response created = api.send("POST", "/v1/resources", sharer.token(),
                "<resource><name>From XML</name><kind>folder</kind></resource>",
                Map.of("Content-Type", "application/xml", "Accept", "application/xml"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body()).contains("<name>From XML</name>");
    }

    private void assertBadRequest(Map<String, Object> body, String field) {
        HttpTestClient.Response response = api.post("/v1/resources", sharer.token(), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.error().get("errorCode").asString()).isEqualTo("BadRequest");
        assertThat(response.error().get("extension").get("field").asString()).isEqualTo(field);
    }
}
