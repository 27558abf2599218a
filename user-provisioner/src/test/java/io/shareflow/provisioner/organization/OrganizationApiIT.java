package io.shareflow.provisioner.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import io.shareflow.provisioner.support.IntegrationTestSupport;
import io.shareflow.testsupport.HttpTestClient.Response;
import org.junit.jupiter.api.Test;

class OrganizationApiIT extends IntegrationTestSupport {

    @Test
    void adminCreatesAnOrganisation() {
        Response response = http.post("/v1/organizations", adminToken(), Map.of("name", "  Acme Aviation "));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        String id = response.data().path("id").asString();
        assertThat(response.data().path("name").asString()).isEqualTo("Acme Aviation");
        assertThat(response.location()).isEqualTo("/v1/organizations/" + id);
        assertThat(http.get("/v1/organizations/" + id, adminToken()).status()).isEqualTo(200);
    }

    @Test
    void onlyAdminMayCreate() {
        Response anonymous = http.post("/v1/organizations", null, Map.of("name", "Nope"));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.error().path("errorCode").asString()).isEqualTo("Unauthorized");
        assertThat(anonymous.error().path("extension").isObject()).isTrue();

        Response producerAdmin = http.post("/v1/organizations", token(UUID.randomUUID(), "producer-admin"),
                Map.of("name", "Nope"));
        assertThat(producerAdmin.status()).isEqualTo(403);
        assertThat(producerAdmin.error().path("errorCode").asString()).isEqualTo("NoPermission");
    }

    @Test
    void blankOrOverlongNameIsABadRequestNamingTheField() {
        for (String name : new String[] {"   ", "x".repeat(201)}) {
            Response response = http.post("/v1/organizations", adminToken(), Map.of("name", name));
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.error().path("errorCode").asString()).isEqualTo("BadRequest");
            assertThat(response.error().path("extension").path("field").asString()).isEqualTo("name");
        }
    }

    @Test
    void membersSeeTheirOwnOrganisationOnly() {
        UUID mine = createOrganization("Mine");
        UUID theirs = createOrganization("Theirs");
        String member = token(mine, "producer-user");

        assertThat(http.get("/v1/organizations/" + mine, member).data().path("name").asString()).isEqualTo("Mine");
        assertThat(http.get("/v1/organizations/" + theirs, member).status()).isEqualTo(404);
        assertThat(http.get("/v1/organizations/" + UUID.randomUUID(), adminToken()).status()).isEqualTo(404);
    }
}
