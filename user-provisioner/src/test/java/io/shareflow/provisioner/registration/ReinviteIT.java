package io.shareflow.provisioner.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shareflow.events.RecipientProvisioned;
import io.shareflow.events.RegistrationLinkIssued;
import io.shareflow.events.ShareRequested;
import io.shareflow.provisioner.support.IntegrationTestSupport;
import io.shareflow.schemas.Topics;
import io.shareflow.support.security.JwtTokens;
import io.shareflow.testsupport.EventFixtures;
import io.shareflow.testsupport.HttpTestClient.Response;
import io.shareflow.testsupport.SecretScanner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/users/{id}/invitations}: a new link by e-mail (the sealed event), the old one gone. */
class ReinviteIT extends IntegrationTestSupport {

    private static final Map<String, String> REGISTRATION = Map.of("displayName", "Rita", "password", "correct horse 1");

    private UUID organization;
    private UUID userId;
    private String email;
    private String firstToken;

    @BeforeEach
    void aUserCreatedForAShare() {
        organization = createOrganization("Reinvites " + UUID.randomUUID());
        email = EventFixtures.newEmail("reinvited");
        ShareRequested share = EventFixtures.shareRequested(organization, email);
        KAFKA_CLIENT.send(Topics.SHARE_EVENTS, share.getShareId().toString(), share);
        userId = ((RecipientProvisioned) KAFKA_CLIENT.eventsUntil(Topics.SHARE_PROVISIONING, share.getShareId().toString(),
                events -> events.stream().anyMatch(RecipientProvisioned.class::isInstance)).get(0)).getUserId();
        firstToken = tokenOf(registrationLinks(userId, links -> !links.isEmpty()).get(0));
    }

    @Test
    void anAdminReinvitesANewLinkIsSentAndTheOldOneIsGone() {
        String admin = JwtTokens.signedWith(HMAC_SECRET).issue(UUID.randomUUID(), UUID.randomUUID(), "ops@platform.example",
                "Olga Operator", List.of("admin"), Duration.ofHours(1));

        Response accepted = http.post("/v1/users/" + userId + "/invitations", admin, null);

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.location()).isEqualTo("/v1/users/" + userId);
        assertThat(accepted.data().path("userId").asString()).isEqualTo(userId.toString());
        assertThat(accepted.data().path("email").asString()).isEqualTo(email);
        assertThat(accepted.data().path("status").asString()).isEqualTo("DEACTIVATED");
        assertThat(accepted.data().path("registrationExpiresAt").asString()).isNotBlank();

        List<RegistrationLinkIssued> links = registrationLinks(userId, all -> all.size() == 2);
        RegistrationLinkIssued again = links.get(1);
        assertThat(again.getReason()).isEqualTo("REINVITE");
        assertThat(again.getInviterName()).isEqualTo("Olga Operator");
        assertThat(again.getInviterEmail()).isEqualTo("ops@platform.example");
        assertThat(again.getShareId()).isNull();
        assertThat(again.getCausationEventId()).isNull();
        assertThat(again.getExpiresAt().toString()).isEqualTo(accepted.data().path("registrationExpiresAt").asString());
        String newToken = tokenOf(again);
        assertThat(newToken).isNotEqualTo(firstToken);
        SecretScanner scanner = new SecretScanner(Map.of("the first token", firstToken, "the new token", newToken));
        assertThat(scanner.findIn(accepted.toString())).as("no token in the answer").isEmpty();

        Response old = http.post("/v1/registrations/" + firstToken, null, REGISTRATION);
        assertThat(old.status()).as(old.toString()).isEqualTo(410);
        assertThat(old.error().path("errorCode").asString()).isEqualTo("Gone");
        assertThat(http.post("/v1/registrations/" + newToken, null, REGISTRATION).status()).isEqualTo(200);

        Response registered = http.post("/v1/users/" + userId + "/invitations", admin, null);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(409);
        assertThat(registered.error().path("errorCode").asString()).isEqualTo("Conflict");
        assertThat(registrationLinks(userId, all -> all.size() >= 2)).as("no link for a registered user").hasSize(2);
    }

    @Test
    void aProducerAdminReinvitesUsersOfItsOwnOrganisationOnly() {
        Response own = http.post("/v1/users/" + userId + "/invitations", token(organization, "producer-admin"), null);
        assertThat(own.status()).as(own.toString()).isEqualTo(202);
        assertThat(registrationLinks(userId, all -> all.size() == 2).get(1).getInviterName()).isEqualTo("Test Caller");

        Response foreign = http.post("/v1/users/" + userId + "/invitations",
                token(createOrganization("Elsewhere"), "producer-admin"), null);
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(404);
        assertThat(foreign.error().path("errorCode").asString()).isEqualTo("NotFound");
    }

    @Test
    void otherRolesAnonymousCallersAndUnknownOrRegisteredUsersAreRefused() {
        for (String role : new String[] {"producer-user", "sales-agent", "viewer"}) {
            Response refused = http.post("/v1/users/" + userId + "/invitations", token(organization, role), null);
            assertThat(refused.status()).as(role).isEqualTo(403);
            assertThat(refused.error().path("errorCode").asString()).isEqualTo("NoPermission");
        }
        assertThat(http.post("/v1/users/" + userId + "/invitations", null, null).status()).isEqualTo(401);
        assertThat(http.post("/v1/users/" + UUID.randomUUID() + "/invitations", adminToken(), null).status())
                .isEqualTo(404);
        Response notAnId = http.post("/v1/users/not-a-uuid/invitations", adminToken(), null);
        assertThat(notAnId.status()).isEqualTo(400);
        assertThat(notAnId.error().path("extension").path("field").asString()).isEqualTo("id");

        UUID active = createUser(organization, EventFixtures.newEmail("active"));
        Response signsInElsewhere = http.post("/v1/users/" + active + "/invitations", adminToken(), null);
        assertThat(signsInElsewhere.status()).as(signsInElsewhere.toString()).isEqualTo(409);

        assertThat(registrationLinks(userId, all -> !all.isEmpty())).as("nothing sent by a refusal").hasSize(1);
        assertThat(http.post("/v1/registrations/" + firstToken, null, REGISTRATION).status())
                .as("the first link still works").isEqualTo(200);
    }
}
