package io.shareflow.provisioner.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import io.shareflow.domain.EmailAddress;
import io.shareflow.provisioner.registration.RegistrationTokenIssuer;
import io.shareflow.provisioner.support.IntegrationTestSupport;
import io.shareflow.provisioner.user.Users;
import io.shareflow.provisioner.user.model.User;
import io.shareflow.testsupport.EventFixtures;
import io.shareflow.testsupport.HttpTestClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code POST /v1/authentications}: the platform's sign-in checks a registered user's password here. */
class AuthenticationApiIT extends IntegrationTestSupport {

    private static final String PASSWORD = "Tr0ub4dor & 3 horses";

    @Autowired
    private Users users;
    @Autowired
    private RegistrationTokenIssuer issuer;
    @Autowired
    private TransactionTemplate transactions;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private Clock clock;

    private UUID organization;
    private User registered;

    @BeforeEach
    void aRegisteredUser() {
        organization = createOrganization("Sign-ins " + UUID.randomUUID());
        registered = invitedUser("Rob.Registered");
        String token = transactions.execute(tx -> issuer.issueFor(registered)).token();
        Response response = http.post("/v1/registrations/" + token, null,
                Map.of("displayName", "Rob Registered", "password", PASSWORD));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    @Test
    void theRightPasswordOfARegisteredUserAnswersWhoItIsIgnoringTheAddressesCase() {
        Response ok = authenticate(adminToken(), registered.email().value().toUpperCase(), PASSWORD);

        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.data().path("userId").asString()).isEqualTo(registered.id().toString());
        assertThat(ok.data().path("organizationId").asString()).isEqualTo(organization.toString());
        assertThat(ok.data().path("displayName").asString()).isEqualTo("Rob Registered");
        assertThat(ok.data().path("email").asString()).isEqualTo(registered.email().value());
        assertThat(ok.body()).doesNotContain(PASSWORD).doesNotContain("$2");
    }

    @Test
    void everyRefusalIsTheSame401() {
        User notRegistered = invitedUser("not.registered");
        transactions.executeWithoutResult(tx -> issuer.issueFor(notRegistered));
        UUID signsInElsewhere = createUser(organization, EventFixtures.newEmail("elsewhere"));
        String elsewhere = users.findById(signsInElsewhere).orElseThrow().email().value();

        JsonNode wrongPassword = refused(registered.email().value(), PASSWORD + "!");
        assertThat(wrongPassword.path("errors").path(0).path("errorCode").asString()).isEqualTo("Unauthorized");
        assertThat(wrongPassword.path("errors").path(0).path("message").asString())
                .isEqualTo("The e-mail address or the password is not right.");
        assertThat(refused(EventFixtures.newEmail("nobody"), PASSWORD)).isEqualTo(wrongPassword);
        assertThat(refused(notRegistered.email().value(), PASSWORD)).isEqualTo(wrongPassword);
        assertThat(refused(elsewhere, PASSWORD)).isEqualTo(wrongPassword);
        assertThat(refused("not an address", PASSWORD)).isEqualTo(wrongPassword);
        assertThat(refused(registered.email().value(), "x".repeat(100))).as("longer than BCrypt reads").isEqualTo(wrongPassword);
        assertThat(refused(registered.email().value(), "")).isEqualTo(wrongPassword);
    }

    @Test
    void onlyTheAdminRoleMayAsk() {
        for (String role : new String[] {"producer-admin", "producer-user", "sales-agent", "viewer"}) {
            Response refused = authenticate(token(organization, role), registered.email().value(), PASSWORD);
            assertThat(refused.status()).as(role).isEqualTo(403);
            assertThat(refused.error().path("errorCode").asString()).isEqualTo("NoPermission");
        }
        Response noRole = authenticate(token(organization), registered.email().value(), PASSWORD);
        assertThat(noRole.status()).isEqualTo(403);
        assertThat(authenticate(null, registered.email().value(), PASSWORD).status()).isEqualTo(401);
    }

    @Test
    void aMissingFieldIsABadRequestNamingIt() {
        Response noPassword = http.post("/v1/authentications", adminToken(), Map.of("email", "a@example.com"));
        assertThat(noPassword.status()).isEqualTo(400);
        assertThat(noPassword.error().path("extension").path("field").asString()).isEqualTo("password");
        Response noEmail = http.post("/v1/authentications", adminToken(), Map.of("password", PASSWORD));
        assertThat(noEmail.status()).isEqualTo(400);
        assertThat(noEmail.error().path("extension").path("field").asString()).isEqualTo("email");
    }

    @Test
    void tenFailuresForAnAddressLockItOutWith429EvenForTheRightPasswordButNotOtherAddresses() {
        for (int i = 0; i < 10; i++) {
            assertThat(authenticate(adminToken(), registered.email().value(), "wrong " + i).status()).isEqualTo(401);
        }

        Response locked = authenticate(adminToken(), registered.email().value().toUpperCase(), PASSWORD);
        assertThat(locked.status()).as(locked.toString()).isEqualTo(429);
        assertThat(locked.error().path("errorCode").asString()).isEqualTo("TooManyRequests");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 15 * 60L);

        User other = invitedUser("other");
        assertThat(refused(other.email().value(), PASSWORD).path("errors").path(0).path("errorCode").asString())
                .isEqualTo("Unauthorized");
        String unknown = EventFixtures.newEmail("unknown");
        for (int i = 0; i < 10; i++) {
            refused(unknown, PASSWORD);
        }
        assertThat(authenticate(adminToken(), unknown, PASSWORD).status()).as("unknown addresses alike").isEqualTo(429);
    }

    @Test
    void aSuccessClearsTheFailuresAndNoAddressIsStored() {
        for (int i = 0; i < 9; i++) {
            refused(registered.email().value(), "wrong " + i);
        }
        assertThat(jdbc.sql("select count(*) from failed_attempt where kind = 'authentication' and subject_hash = :s")
                .param("s", AuthenticationService.subjectOf(registered.email().value())).query(Long.class).single())
                .isEqualTo(9);
        assertThat(jdbc.sql("select count(*) from failed_attempt where subject_hash like '%@%'")
                .query(Long.class).single()).isZero();

        assertThat(authenticate(adminToken(), registered.email().value(), PASSWORD).status()).isEqualTo(200);

        for (int i = 0; i < 9; i++) {
            refused(registered.email().value(), "wrong again " + i);
        }
        assertThat(authenticate(adminToken(), registered.email().value(), PASSWORD).status())
                .as("nine new failures are below the limit").isEqualTo(200);
    }

    private JsonNode refused(String email, String password) {
        Response response = authenticate(adminToken(), email, password);
        assertThat(response.status()).as(email + ": " + response).isEqualTo(401);
        return response.json();
    }

    private Response authenticate(String token, String email, String password) {
        return http.post("/v1/authentications", token, Map.of("email", email, "password", password));
    }

    private User invitedUser(String name) {
        User user = User.invited(organization, EmailAddress.of(EventFixtures.newEmail(name)), clock.instant());
        transactions.executeWithoutResult(tx -> assertThat(users.insertIfEmailFree(user)).isTrue());
        return user;
    }
}
