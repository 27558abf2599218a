package io.shareflow.api.opening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import io.shareflow.api.support.Caller;
import io.shareflow.testsupport.HttpTestClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET /v1/shares/{shareId}/activity}: every open, newest first, for the sharing roles of the organisation. */
class ActivityIT extends OpeningIntegrationSupport {

    private final Caller sharer = Caller.sharer();

    @Test
    void listsEveryOpenNewestFirstWithWhoOpenedIt() {
        Shared link = link(sharer, createDocument(sharer), Map.of("audience", "password", "password", "a good password"));
        Caller signedIn = user(UUID.randomUUID(), UUID.randomUUID(), "visitor@recipient.example", "Vera Visitor");
        open(link.token(), null);
        openWithPassword(link.token(), "wrong password");
        openWithPassword(link.token(), "a good password");
        open(link.token(), signedIn.token(), Map.of(LinkController.PASSWORD_HEADER, "a good password"));

        Response response = api.get("/v1/shares/" + link.shareId() + "/activity", sharer.token());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode entries = response.data();
        assertThat(entries.valueStream().map(entry -> entry.get("outcome").asString()).toList())
                .containsExactly("OPENED", "OPENED", "WRONG_PASSWORD", "PASSWORD_REQUIRED");
        assertThat(entries.valueStream().map(entry -> entry.get("channel").asString())).containsOnly("api");
        JsonNode named = entries.get(0).get("openedBy");
        assertThat(named.get("anonymous").asBoolean()).isFalse();
        assertThat(named.get("userId").asString()).isEqualTo(signedIn.userId().toString());
        assertThat(named.get("email").asString()).isEqualTo("visitor@recipient.example");
        assertThat(named.get("name").asString()).isEqualTo("Vera Visitor");
        JsonNode anonymous = entries.get(1).get("openedBy");
        assertThat(anonymous.get("anonymous").asBoolean()).isTrue();
        assertThat(anonymous.has("userId")).isFalse();
        assertThat(entries.get(0).get("at").asString()).isGreaterThanOrEqualTo(entries.get(3).get("at").asString());
        assertThat(response.json().get("page").get("totalElements").asLong()).isEqualTo(4);

        Response second = api.get("/v1/shares/" + link.shareId() + "/activity?page=1&size=3", sharer.token());
        assertThat(second.data().valueStream().map(entry -> entry.get("outcome").asString()).toList())
                .containsExactly("PASSWORD_REQUIRED");
        assertThat(second.json().get("page").get("number").asInt()).isEqualTo(1);
        assertThat(second.json().get("page").get("size").asInt()).isEqualTo(3);
    }

    @Test
    void onlyTheSharingRolesOfTheOrganizationReadIt() {
        Shared share = shareWith(sharer, createDocument(sharer), newAddress("watched"));
        open(share.token(), null);
        String path = "/v1/shares/" + share.shareId() + "/activity";

        assertThat(api.get(path, Caller.of(sharer.organizationId(), "producer-admin").token()).data().size())
                .isEqualTo(1);
        Response viewer = api.get(path, Caller.of(sharer.organizationId(), "viewer").token());
        assertThat(viewer.status()).isEqualTo(403);
        assertThat(viewer.onlyError().get("errorCode").asString()).isEqualTo("NoPermission");
        // A guest (no role) sees nothing of the organisation; another organisation does not find the share.
        assertThat(api.get(path, Caller.of(sharer.organizationId()).token()).status()).isEqualTo(404);
        Response elsewhere = api.get(path, Caller.sharer().token());
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.onlyError().get("errorCode").asString()).isEqualTo("NotFound");
        assertThat(api.get(path, null).status()).isEqualTo(401);
        assertThat(api.get("/v1/shares/not-a-uuid/activity", sharer.token()).onlyError().get("extension").get("field")
                .asString()).isEqualTo("shareId");
        assertThat(api.get(path + "?size=101", sharer.token()).onlyError().get("extension").get("field").asString())
                .isEqualTo("size");
    }
}
