package io.shareflow.provisioner.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shareflow.events.UserActivated;
import io.shareflow.events.UserUpserted;
import io.shareflow.provisioner.registration.model.RegistrationToken;
import io.shareflow.provisioner.support.IntegrationTestSupport;
import io.shareflow.provisioner.user.Users;
import io.shareflow.domain.EmailAddress;
import io.shareflow.provisioner.user.model.User;
import io.shareflow.schemas.Topics;
import io.shareflow.testsupport.EventFixtures;
import io.shareflow.testsupport.HttpTestClient.Response;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

class RegistrationApiIT extends IntegrationTestSupport {

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
    private User invited;

    @BeforeEach
    void invitedUser() {
        organization = createOrganization("Registrations " + UUID.randomUUID());
        invited = User.invited(organization, EmailAddress.of(EventFixtures.newEmail("invitee")), clock.instant());
        transactions.executeWithoutResult(tx -> assertThat(users.insertIfEmailFree(invited)).isTrue());
    }

    @Test
    void theTokenActivatesTheUserOnceWithoutABearer() {
        String token = issueToken();

        Response response = http.post("/v1/registrations/" + token, null,
                Map.of("displayName", " Ivy Invitee ", "password", "correct horse"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.data().path("id").asString()).isEqualTo(invited.id().toString());
        assertThat(response.data().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(response.data().path("displayName").asString()).isEqualTo("Ivy Invitee");
        assertThat(response.body()).doesNotContain("password").doesNotContain("correct horse");

        String hash = jdbc.sql("select password_hash from app_user where id = :id").param("id", invited.id())
                .query(String.class).single();
        assertThat(hash).startsWith("$2").doesNotContain("correct horse");

        List<SpecificRecord> events = KAFKA_CLIENT.eventsUntil(Topics.USER_DIRECTORY, invited.id().toString(),
                all -> all.stream().anyMatch(e -> e instanceof UserActivated));
        UserActivated activated = (UserActivated) events.stream().filter(e -> e instanceof UserActivated).findFirst().orElseThrow();
        assertThat(activated.getDisplayName()).isEqualTo("Ivy Invitee");
        assertThat(activated.getEmail()).isEqualTo(invited.email().value());
        SpecificRecord last = KAFKA_CLIENT.eventsUntil(Topics.USER_DIRECTORY, invited.id().toString(),
                all -> !all.isEmpty() && all.get(all.size() - 1) instanceof UserUpserted u && u.getStatus().equals("ACTIVE"))
                .stream().reduce((a, b) -> b).orElseThrow();
        assertThat(((UserUpserted) last).getDisplayName()).isEqualTo("Ivy Invitee");

        Response reuse = http.post("/v1/registrations/" + token, null,
                Map.of("displayName", "Mallory", "password", "another password"));
        assertThat(reuse.status()).isEqualTo(410);
        assertThat(reuse.error().path("errorCode").asString()).isEqualTo("Gone");
    }

    @Test
    void aNewerTokenReplacesTheOlderOneWhichIsGoneBeforeAndAfterRegistration() {
        String first = issueToken();
        String second = issueToken();

        Response replaced = http.post("/v1/registrations/" + first, null, Map.of("displayName", "Ivy", "password", "12345678"));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(410);
        assertThat(replaced.error().path("message").asString()).contains("replaced by a newer one");
        assertThat(http.post("/v1/registrations/" + second, null, Map.of("displayName", "Ivy", "password", "12345678"))
                .status()).isEqualTo(200);
        assertThat(http.post("/v1/registrations/" + first, null, Map.of("displayName", "Ivy", "password", "12345678"))
                .status()).isEqualTo(410);
    }

    @Test
    void unknownTokenIsNotFoundAndExpiredTokenIsGone() {
        Response unknown = http.post("/v1/registrations/" + "x".repeat(43), null,
                Map.of("displayName", "Ivy", "password", "12345678"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.error().path("errorCode").asString()).isEqualTo("NotFound");

        String token = issueToken();
        jdbc.sql("update registration_token set expires_at = now() - interval '1 minute' where token_hash = :hash")
                .param("hash", RegistrationToken.hashOf(token)).update();
        Response expired = http.post("/v1/registrations/" + token, null,
                Map.of("displayName", "Ivy", "password", "12345678"));
        assertThat(expired.status()).isEqualTo(410);
        assertThat(users.findById(invited.id()).orElseThrow().isActive()).isFalse();
    }

    @Test
    void weakPasswordOrMissingNameIsABadRequestAndKeepsTheToken() {
        String token = issueToken();

        Response shortPassword = http.post("/v1/registrations/" + token, null,
                Map.of("displayName", "Ivy", "password", "1234567"));
        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.error().path("extension").path("field").asString()).isEqualTo("password");

        Response noName = http.post("/v1/registrations/" + token, null, Map.of("password", "12345678"));
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.error().path("extension").path("field").asString()).isEqualTo("displayName");

        assertThat(http.post("/v1/registrations/" + token, null, Map.of("displayName", "Ivy", "password", "12345678"))
                .status()).isEqualTo(200);
    }

    private String issueToken() {
        return transactions.execute(tx -> issuer.issueFor(invited)).token();
    }
}
