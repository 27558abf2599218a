package io.shareflow.provisioner.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shareflow.events.UserUpserted;
import io.shareflow.provisioner.support.IntegrationTestSupport;
import io.shareflow.schemas.Topics;
import io.shareflow.support.security.JwtTokens;
import io.shareflow.testsupport.EventFixtures;
import io.shareflow.testsupport.HttpTestClient.Response;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class UserApiIT extends IntegrationTestSupport {

    private UUID organization;

    @BeforeEach
    void organization() {
        organization = createOrganization("Producer " + UUID.randomUUID());
    }

    @Test
    void adminCreatesAnActiveUserAndPublishesIt() {
        String email = EventFixtures.newEmail("Ann");
        Response response = http.post("/v1/users", adminToken(), body(email, "Ann Admin", organization));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode user = response.data();
        String id = user.path("id").asString();
        assertThat(response.location()).isEqualTo("/v1/users/" + id);
        assertThat(user.path("email").asString()).isEqualTo(email);
        assertThat(user.path("organizationId").asString()).isEqualTo(organization.toString());
        assertThat(user.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(user.path("displayName").asString()).isEqualTo("Ann Admin");

        List<SpecificRecord> events = KAFKA_CLIENT.eventsUntil(Topics.USER_DIRECTORY, id, e -> !e.isEmpty());
        UserUpserted upserted = (UserUpserted) events.get(0);
        assertThat(upserted.getUserId().toString()).isEqualTo(id);
        assertThat(upserted.getEmail()).isEqualTo(email);
        assertThat(upserted.getStatus()).isEqualTo("ACTIVE");
        assertThat(upserted.getOrganizationId()).isEqualTo(organization);
    }

    @Test
    void producerAdminCreatesUsersInItsOwnOrganisationOnly() {
        String producerAdmin = token(organization, "producer-admin");

        assertThat(http.post("/v1/users", producerAdmin, body(EventFixtures.newEmail("own"), "Own", organization))
                .status()).isEqualTo(201);

        UUID other = createOrganization("Other");
        Response foreign = http.post("/v1/users", producerAdmin, body(EventFixtures.newEmail("x"), "X", other));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.error().path("errorCode").asString()).isEqualTo("NoPermission");
    }

    @Test
    void otherRolesAndAnonymousCallersCannotCreate() {
        Map<String, Object> body = body(EventFixtures.newEmail("y"), "Y", organization);
        assertThat(http.post("/v1/users", token(organization, "producer-user", "sales-agent"), body).status())
                .isEqualTo(403);
        Response anonymous = http.post("/v1/users", null, body);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.error().path("errorCode").asString()).isEqualTo("Unauthorized");
    }

    @Test
    void badExpiredOrUnsignedTokensAre401() {
        String expired = JwtTokens.signedWith(HMAC_SECRET).issue(UUID.randomUUID(), organization, null, null, List.of("admin"),
                Duration.ofMinutes(-10));
        String wrongKey = JwtTokens.signedWith("another-secret-that-is-at-least-32-bytes-long").issue(UUID.randomUUID(),
                organization, null, null, List.of("admin"), Duration.ofHours(1));
        String[] parts = adminToken().split("\\.");
        String unsigned = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes()) + "." + parts[1] + ".";
        for (String token : new String[] {expired, wrongKey, unsigned, "garbage"}) {
            Response response = http.get("/v1/users", token);
            assertThat(response.status()).as(token).isEqualTo(401);
            assertThat(response.error().path("errorCode").asString()).isEqualTo("Unauthorized");
        }
    }

    @Test
    void invalidInputIsABadRequestNamingTheField() {
        String admin = adminToken();
        assertBadRequest(http.post("/v1/users", admin, body("not-an-address", "N", organization)), "email");
        assertBadRequest(http.post("/v1/users", admin, body("a b@example.com", "N", organization)), "email");
        assertBadRequest(http.post("/v1/users", admin, body("a".repeat(250) + "@example.com", "N", organization)), "email");
        assertBadRequest(http.post("/v1/users", admin, body(EventFixtures.newEmail("n"), "", organization)), "displayName");
        assertBadRequest(http.post("/v1/users", admin, body(EventFixtures.newEmail("n"), "x".repeat(201), organization)),
                "displayName");
        assertBadRequest(http.post("/v1/users", admin,
                Map.of("email", EventFixtures.newEmail("n"), "displayName", "N")), "organizationId");
        assertBadRequest(http.post("/v1/users", admin,
                Map.of("email", EventFixtures.newEmail("n"), "displayName", "N", "organizationId", "not-a-uuid")),
                "organizationId");

        Response malformed = http.post("/v1/users", admin, "{\"email\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.error().path("errorCode").asString()).isEqualTo("BadRequest");
        assertThat(malformed.body()).doesNotContain("Exception").doesNotContain("jackson");
    }

    @Test
    void unknownOrganisationIsUnprocessable() {
        UUID unknown = UUID.randomUUID();
        Response response = http.post("/v1/users", adminToken(), body(EventFixtures.newEmail("u"), "U", unknown));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.error().path("errorCode").asString()).isEqualTo("UnprocessableEntity");
        assertThat(response.error().path("extension").path("organizationId").asString()).isEqualTo(unknown.toString());
    }

    @Test
    void emailIsUniqueIgnoringCase() {
        String email = EventFixtures.newEmail("dup");
        createUser(organization, email);

        Response duplicate = http.post("/v1/users", adminToken(), body(email.toUpperCase(), "Dup", organization));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.error().path("errorCode").asString()).isEqualTo("Conflict");
        assertThat(duplicate.error().path("extension").path("field").asString()).isEqualTo("email");

        UUID other = createOrganization("Elsewhere");
        assertThat(http.post("/v1/users", adminToken(), body(email, "Dup", other)).status()).isEqualTo(409);
    }

    @Test
    void usersAreVisibleInTheirOrganisationAndToAdmin() {
        UUID id = createUser(organization, EventFixtures.newEmail("seen"));
        UUID other = createOrganization("Other org");

        assertThat(http.get("/v1/users/" + id, token(organization, "producer-user")).data().path("id").asString())
                .isEqualTo(id.toString());
        assertThat(http.get("/v1/users/" + id, adminToken()).status()).isEqualTo(200);
        Response foreign = http.get("/v1/users/" + id, token(other, "producer-admin"));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.error().path("errorCode").asString()).isEqualTo("NotFound");
        assertThat(http.get("/v1/users/" + UUID.randomUUID(), adminToken()).status()).isEqualTo(404);
        assertThat(http.get("/v1/users/" + id, null).status()).isEqualTo(401);
        assertBadRequest(http.get("/v1/users/not-a-uuid", adminToken()), "id");
    }

    @Test
    void findByEmailIsExactIgnoringCaseWithinTheCallersOrganisation() {
        String email = EventFixtures.newEmail("Find.Me");
        UUID id = createUser(organization, email);
        createUser(organization, EventFixtures.newEmail("find.me.not"));

        Response own = http.get("/v1/users?email=" + email.toUpperCase(), token(organization, "producer-user"));
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.json().path("data")).hasSize(1);
        assertThat(own.json().path("data").path(0).path("id").asString()).isEqualTo(id.toString());
        assertThat(own.json().path("page").path("number").asInt()).isZero();
        assertThat(own.json().path("page").path("size").asInt()).isEqualTo(20);
        assertThat(own.json().path("page").path("totalElements").asLong()).isEqualTo(1);

        Response partial = http.get("/v1/users?email=" + email.substring(1), token(organization, "producer-user"));
        assertThat(partial.json().path("data")).isEmpty();

        UUID other = createOrganization("Blind");
        Response foreign = http.get("/v1/users?email=" + email, token(other, "producer-admin"));
        assertThat(foreign.json().path("data")).isEmpty();
        assertThat(foreign.json().path("page").path("totalElements").asLong()).isZero();

        Response admin = http.get("/v1/users?email=" + email, adminToken());
        assertThat(admin.json().path("data")).hasSize(1);
    }

    @Test
    void listsTheOrganisationPageByPage() {
        for (int i = 0; i < 3; i++) {
            createUser(organization, EventFixtures.newEmail("page" + i));
        }
        Response second = http.get("/v1/users?page=1&size=2", token(organization, "viewer"));
        assertThat(second.json().path("data")).hasSize(1);
        assertThat(second.json().path("page").path("totalElements").asLong()).isEqualTo(3);

        assertBadRequest(http.get("/v1/users?size=0", adminToken()), "size");
        assertBadRequest(http.get("/v1/users?size=101", adminToken()), "size");
        assertBadRequest(http.get("/v1/users?page=-1", adminToken()), "page");
        assertBadRequest(http.get("/v1/users?page=x", adminToken()), "page");
    }

    private static Map<String, Object> body(String email, String displayName, UUID organizationId) {
        return Map.of("email", email, "displayName", displayName, "organizationId", organizationId.toString());
    }

    private static void assertBadRequest(Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.error().path("errorCode").asString()).isEqualTo("BadRequest");
        assertThat(response.error().path("extension").path("field").asString()).as(response.toString()).isEqualTo(field);
        assertThat(response.body()).doesNotContain("Exception");
    }
}
