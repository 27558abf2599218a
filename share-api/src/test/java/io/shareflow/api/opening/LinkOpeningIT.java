package io.shareflow.api.opening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shareflow.api.support.Caller;
import io.shareflow.testsupport.HttpTestClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Links open by their audience (DESIGN.md "Opening a share"). */
class LinkOpeningIT extends OpeningIntegrationSupport {

    private final Caller sharer = Caller.sharer();

    @Test
    void anAnyoneLinkOfAFolderOpensForAnyoneWithItsShareableItemsByName() {
        UUID folder = createResource(sharer, "folder", null, null, null);
        for (String name : List.of("gamma.pdf", "Alpha.pdf", "beta.pdf")) {
            Response created = api.post("/v1/resources", sharer.token(), Map.of("name", name, "kind", "file",
                    "documentType", "maintenance-file", "parentId", folder.toString()));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
        }
        // An internal document cannot be shared on its own, so a share of its folder does not name it either.
        Response internal = api.post("/v1/resources", sharer.token(), Map.of("name", "Aa salaries.xlsx", "kind",
                "file", "documentType", "internal", "parentId", folder.toString()));
        assertThat(internal.status()).as(internal.toString()).isEqualTo(201);
        Shared link = link(sharer, folder, Map.of("audience", "anyone", "name", "Pump docs", "notify", false));

        Response response = open(link.token(), null);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode data = response.data();
        assertThat(data.get("type").asString()).isEqualTo("link");
        assertThat(data.get("audience").asString()).isEqualTo("anyone");
        assertThat(data.get("name").asString()).isEqualTo("Pump docs");
        assertThat(data.get("role").asString()).isEqualTo("viewer");
        assertThat(data.get("canDownload").asBoolean()).isFalse();
        assertThat(data.get("expiresAt").isNull()).isTrue();
        assertThat(data.get("resource").get("kind").asString()).isEqualTo("folder");
        assertThat(data.get("resource").get("documentType").isNull()).isTrue();
        assertThat(data.get("items").valueStream().map(item -> item.get("name").asString()).toList())
                .containsExactly("Alpha.pdf", "beta.pdf", "gamma.pdf");
        assertThat(data.get("items").get(0).get("documentType").asString()).isEqualTo("maintenance-file");
        // In XML too, by content negotiation, and its refusals.
        Response xml = open(link.token(), null, Map.of("Accept", "application/xml"));
        assertThat(xml.status()).as(xml.toString()).isEqualTo(200);
        assertThat(xml.header("Content-Type")).startsWith("application/xml");
        assertThat(xml.body()).contains("<shareId>" + link.shareId() + "</shareId>").contains("<item>")
                .contains("<name>Alpha.pdf</name>");
        Response xmlRefusal = open(io.shareflow.api.share.model.LinkToken.generate().value(), null,
                Map.of("Accept", "application/xml"));
        assertThat(xmlRefusal.status()).isEqualTo(404);
        assertThat(xmlRefusal.body()).contains("<errorCode>NotFound</errorCode>").contains("UNKNOWN_TOKEN");
        // Signed in makes no difference.
        assertThat(open(link.token(), Caller.of(UUID.randomUUID(), "admin").token()).status()).isEqualTo(200);
    }

    @Test
    void anOrganizationLinkOpensForSignedInMembersOfTheSharersOrganizationOnly() {
        Shared link = link(sharer, createDocument(sharer), Map.of("audience", "organization", "role", "downloader"));

        JsonNode signIn = assertRefused(open(link.token(), null), 401, "Unauthorized", Refusal.SIGN_IN_REQUIRED);
        assertThat(signIn.get("extension").get("required").asString()).isEqualTo("sign-in");
        Response member = open(link.token(), Caller.of(sharer.organizationId(), "viewer").token());
        assertThat(member.status()).as(member.toString()).isEqualTo(200);
        assertThat(member.data().get("canDownload").asBoolean()).isTrue();
        // A registered recipient has no role: a guest, not a member.
        assertRefused(open(link.token(), Caller.of(sharer.organizationId()).token()), 403, "NoPermission",
                Refusal.OUTSIDE_AUDIENCE);
        // No other organisation's user, whatever their roles.
        JsonNode outside = assertRefused(open(link.token(), Caller.of(UUID.randomUUID(), "admin").token()), 403,
                "NoPermission", Refusal.OUTSIDE_AUDIENCE);
        assertThat(outside.get("extension").get("askWhom").get("email").asString()).isEqualTo(sharer.email());
    }

    @Test
    void aUsersLinkOpensForItsListedRecipientsSignedInByAddressOrUserId() {
        String listedEmail = newAddress("listed");
        UUID listedUser = UUID.randomUUID();
        directoryHas(listedUser, sharer.organizationId(), newAddress("colleague"), "ACTIVE", Instant.now());
        Shared link = link(sharer, createDocument(sharer), Map.of("audience", "users", "notify", false,
                "recipients", List.of(Map.of("email", listedEmail), Map.of("userId", listedUser.toString()))));

        assertRefused(open(link.token(), null), 401, "Unauthorized", Refusal.SIGN_IN_REQUIRED);
        Caller byAddress = user(UUID.randomUUID(), UUID.randomUUID(), listedEmail.toUpperCase(), "Listed");
        assertThat(open(link.token(), byAddress.token()).status()).isEqualTo(200);
        Caller byId = user(listedUser, sharer.organizationId(), "another-address@recipient.example", "Colleague");
        assertThat(open(link.token(), byId.token()).status()).isEqualTo(200);

        JsonNode outside = assertRefused(open(link.token(), Caller.of(sharer.organizationId(), "admin").token()), 403,
                "NoPermission", Refusal.OUTSIDE_AUDIENCE);
        assertThat(outside.get("message").asString()).contains("ask " + sharer.name() + " (" + sharer.email() + ")");
        assertThat(outcomes(link.shareId())).containsExactly("SIGN_IN_REQUIRED", "OPENED", "OPENED",
                "OUTSIDE_AUDIENCE");
    }
}
