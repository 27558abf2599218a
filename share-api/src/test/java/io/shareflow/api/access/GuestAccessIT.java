package io.shareflow.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shareflow.api.ShareApiIntegrationSupport;
import io.shareflow.api.support.Caller;
import io.shareflow.testsupport.HttpTestClient.Response;
import org.junit.jupiter.api.Test;

/**
 * A signed-in user with no role (a recipient who registered) sees nothing of the organisation's catalogue and
 * shares: 404, as for another organisation's things; a viewer of the same organisation reads them.
 */
class GuestAccessIT extends ShareApiIntegrationSupport {

    @Test
    void aGuestWithNoRoleFindsNoneOfTheOrganisationsResourcesOrShares() {
        Caller sharer = Caller.sharer();
        UUID document = createDocument(sharer);
        Response shared = api.post("/v1/shares/" + document, sharer.token(),
                Map.of("recipientEmail", "guest.reader." + UUID.randomUUID() + "@example.com", "notify", false));
        assertThat(shared.status()).as(shared.toString()).isEqualTo(202);
        String shareId = shared.data().get("shares").get(0).get("shareId").asString();

        Caller guest = Caller.of(sharer.organizationId());
        Caller viewer = Caller.of(sharer.organizationId(), "viewer");
        for (String path : List.of("/v1/resources", "/v1/resources/" + document, "/v1/shares",
                "/v1/shares/" + shareId, "/v1/shares?resourceId=" + document)) {
            Response asGuest = api.get(path, guest.token());
            assertThat(asGuest.status()).as("%s as a guest: %s", path, asGuest).isEqualTo(404);
            assertThat(asGuest.body()).contains("\"errorCode\":\"NotFound\"").doesNotContain(document.toString());
            Response asViewer = api.get(path, viewer.token());
            assertThat(asViewer.status()).as("%s as a viewer: %s", path, asViewer).isEqualTo(200);
        }
        // Nor may they change, revoke or re-send its shares: not found either (a viewer is told it may not).
        for (String[] call : List.of(new String[] {"PATCH", "/v1/shares/" + shareId},
                new String[] {"DELETE", "/v1/shares/" + shareId},
                new String[] {"POST", "/v1/shares/" + shareId + "/notifications"})) {
            Map<String, Object> body = call[0].equals("PATCH") ? Map.of("role", "manager") : null;
            Response asGuest = api.send(call[0], call[1], guest.token(), body);
            assertThat(asGuest.status()).as("%s %s as a guest: %s", call[0], call[1], asGuest).isEqualTo(404);
            assertThat(asGuest.body()).contains("\"errorCode\":\"NotFound\"");
            Response asViewer = api.send(call[0], call[1], viewer.token(), body);
            assertThat(asViewer.status()).as("%s %s as a viewer: %s", call[0], call[1], asViewer).isEqualTo(403);
        }
        assertThat(api.get("/v1/shares/" + shareId, viewer.token()).data().get("status").asString())
                .isEqualTo("PENDING");
    }

    @Test
    void aGuestFindsNoneOfTheNewResourceEndpointsButWhatIsSharedWithThem() {
        Caller sharer = Caller.sharer();
        UUID collection = createResource(sharer, "collection", null, null, null);
        UUID document = createDocument(sharer);
        Caller guest = Caller.of(sharer.organizationId());
        for (String path : List.of("/v1/resources/" + collection + "/items", "/v1/resources/" + document + "/access",
                "/v1/resources/" + document + "/permissions")) {
            Response asGuest = api.get(path, guest.token());
            assertThat(asGuest.status()).as("%s as a guest: %s", path, asGuest).isEqualTo(404);
        }
        assertThat(api.send("PATCH", "/v1/resources/" + document, guest.token(), Map.of("name", "x")).status())
                .isEqualTo(404);
        assertThat(api.send("DELETE", "/v1/resources/" + document, guest.token(), null).status()).isEqualTo(404);
        assertThat(api.post("/v1/resources/" + collection + "/items", guest.token(),
                Map.of("resourceId", document.toString())).status()).isEqualTo(404);

        Response shared = api.post("/v1/shares/" + document, sharer.token(),
                Map.of("recipientEmail", guest.email(), "role", "downloader", "notify", false));
        assertThat(shared.status()).as(shared.toString()).isEqualTo(202);

        Response access = api.get("/v1/resources/" + document + "/access", guest.token());
        assertThat(access.status()).as(access.toString()).isEqualTo(200);
        assertThat(access.data().get("role").asString()).isEqualTo("downloader");
        assertThat(api.get("/v1/shared-with-me", guest.token()).data()).hasSize(1);
        assertThat(api.get("/v1/resources/" + document, guest.token()).status()).isEqualTo(404);
        assertThat(api.get("/v1/resources/" + document + "/permissions", guest.token()).status()).isEqualTo(404);
    }
}
