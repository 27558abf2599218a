package io.shareflow.api.opening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import io.shareflow.api.support.Caller;
import io.shareflow.testsupport.HttpTestClient.Response;
import org.junit.jupiter.api.Test;

/** A collection's link and page show the resources it holds, one level, as a folder's show its children. */
class CollectionOpeningIT extends OpeningIntegrationSupport {

    private final Caller sharer = Caller.sharer();

    @Test
    void aCollectionsLinkAndPageListItsItems() {
        UUID collection = createResource(sharer, "collection", null, null, null);
        UUID folder = createResource(sharer, "folder", null, null, null);
        UUID inFolder = named("Zulu.pdf", folder);
        UUID elsewhere = named("Alpha.pdf", null);
        UUID removedLater = named("Mike.pdf", null);
        UUID deletedLater = named("Lima.pdf", null);
        for (UUID item : new UUID[] {inFolder, elsewhere, removedLater, deletedLater, folder}) {
            Response added = api.post("/v1/resources/" + collection + "/items", sharer.token(),
                    Map.of("resourceId", item.toString()));
            assertThat(added.status()).as(added.toString()).isEqualTo(201);
        }
        api.send("DELETE", "/v1/resources/" + collection + "/items/" + removedLater, sharer.token(), null);
        api.send("DELETE", "/v1/resources/" + deletedLater, sharer.token(), null);
        Shared link = link(sharer, collection, Map.of("audience", "anyone", "notify", false));

        Response opened = open(link.token(), null);

        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        assertThat(opened.data().get("resource").get("kind").asString()).isEqualTo("collection");
        String folderName = opened.data().get("items").valueStream()
                .filter(item -> item.get("kind").asString().equals("folder")).findFirst().orElseThrow()
                .get("name").asString();
        assertThat(opened.data().get("items").valueStream().map(item -> item.get("name").asString()).toList())
                .containsExactly("Alpha.pdf", folderName, "Zulu.pdf");

        Response page = api.send("GET", "/s/" + link.token(), null, null, Map.of("Accept", "text/html"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Alpha.pdf").contains("Zulu.pdf").contains(folderName)
                .doesNotContain("Mike.pdf").doesNotContain("Lima.pdf");
    }

    private UUID named(String name, UUID parentId) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "kind", "file",
                "documentType", "asset-document"));
        if (parentId != null) {
            body.put("parentId", parentId.toString());
        }
        Response created = api.post("/v1/resources", sharer.token(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.data().get("id").asString());
    }
}
