package io.shareflow.provisioner.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shareflow.events.RecipientProvisioned;
import io.shareflow.events.RegistrationLinkIssued;
import io.shareflow.events.ShareRequested;
import io.shareflow.events.UserActivated;
import io.shareflow.provisioner.registration.model.RegistrationToken;
import io.shareflow.provisioner.support.IntegrationTestSupport;
import io.shareflow.schemas.CloudEventHeaders;
import io.shareflow.schemas.Topics;
import io.shareflow.testsupport.EventFixtures;
import io.shareflow.testsupport.HttpTestClient.Response;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The way in of a new recipient: provisioning publishes the registration link sealed in {@code RegistrationLinkIssued}
 * (what share-notifier e-mails), and the token in it registers the user.
 */
class RegistrationLinkIT extends IntegrationTestSupport {

    @Autowired
    private JdbcClient jdbc;

    private UUID organization;
    private String organizationName;

    @BeforeEach
    void organization() {
        organizationName = "Acme <Aviation> " + UUID.randomUUID();
        organization = createOrganization(organizationName);
    }

    @Test
    void aNewRecipientGetsASealedLinkWhoseTokenRegistersTheUser() {
        String email = EventFixtures.newEmail("New.Recipient");
        ShareRequested share = EventFixtures.shareRequested(organization, email);
        Instant before = Instant.now();
        publish(share);

        UUID userId = awaitProvisioned(share).getUserId();
        RegistrationLinkIssued issued = registrationLinks(userId, links -> !links.isEmpty()).get(0);
        assertThat(issued.getOrganizationId()).isEqualTo(organization);
        assertThat(issued.getOrganizationName()).isEqualTo(organizationName);
        assertThat(issued.getRecipientEmail()).isEqualTo(email);
        assertThat(issued.getInviterName()).isEqualTo(share.getSharerName());
        assertThat(issued.getInviterEmail()).isEqualTo(share.getSharerEmail());
        assertThat(issued.getReason()).isEqualTo("SHARE");
        assertThat(issued.getShareId()).isEqualTo(share.getShareId());
        assertThat(issued.getCausationEventId()).isEqualTo(share.getEventId());
        assertThat(issued.getExpiresAt()).isBetween(before.plus(Duration.ofDays(14)).minusSeconds(1),
                Instant.now().plus(Duration.ofDays(14)));

        String link = linkOf(issued);
        String token = tokenOf(issued);
        assertThat(link).isEqualTo("http://localhost:8081/register/" + token);
        // 256 random bits, URL-safe base64; only its SHA-256 is stored.
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(jdbc.sql("select token_hash from registration_token where user_id = :id").param("id", userId)
                .query(String.class).list()).containsExactly(RegistrationToken.hashOf(token));
        assertThat(new String(eventBytes(userId))).doesNotContain(token);

        Response registered = http.post("/v1/registrations/" + token, null,
                Map.of("displayName", "Robin Recipient", "password", "correct horse battery"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        assertThat(registered.data().path("id").asString()).isEqualTo(userId.toString());
        UserActivated activated = (UserActivated) KAFKA_CLIENT.eventsUntil(Topics.USER_DIRECTORY, userId.toString(),
                        events -> events.stream().anyMatch(UserActivated.class::isInstance))
                .stream().filter(UserActivated.class::isInstance).findFirst().orElseThrow();
        assertThat(activated.getDisplayName()).isEqualTo("Robin Recipient");
        assertThat(http.post("/v1/registrations/" + token, null,
                Map.of("displayName", "Again", "password", "correct horse battery")).status()).isEqualTo(410);
    }

    @Test
    void aSilentShareSendsNoLinkAndTheNextShareWithNotifySendsIt() {
        String email = EventFixtures.newEmail("silent");
        ShareRequested silent = ShareRequested.newBuilder(EventFixtures.shareRequested(organization, email))
                .setNotify(false).build();
        publish(silent);
        UUID userId = awaitProvisioned(silent).getUserId();
        assertThat(jdbc.sql("select count(*) from registration_token where user_id = :id").param("id", userId)
                .query(Long.class).single()).as("no token for a silent share").isZero();

        ShareRequested loud = EventFixtures.shareRequested(organization, email);
        publish(loud);
        assertThat(awaitProvisioned(loud).getOutcome()).isEqualTo("EXISTING_USER");

        List<RegistrationLinkIssued> links = registrationLinks(userId, all -> !all.isEmpty());
        assertThat(links).hasSize(1);
        assertThat(links.get(0).getCausationEventId()).as("the silent share sent nothing").isEqualTo(loud.getEventId());
    }

    @Test
    void aLaterShareToAUserWithAWorkingLinkSendsNoOtherAndOneWhoseLinkExpiredGetsANewOne() {
        String email = EventFixtures.newEmail("twice.shared");
        ShareRequested first = EventFixtures.shareRequested(organization, email);
        publish(first);
        UUID userId = awaitProvisioned(first).getUserId();
        String firstToken = tokenOf(registrationLinks(userId, links -> !links.isEmpty()).get(0));

        ShareRequested second = EventFixtures.shareRequested(organization, email);
        publish(second);
        awaitProvisioned(second);

        jdbc.sql("update registration_token set expires_at = now() - interval '1 minute' where user_id = :id")
                .param("id", userId).update();
        ShareRequested third = EventFixtures.shareRequested(organization, email);
        publish(third);
        awaitProvisioned(third);

        List<RegistrationLinkIssued> links = registrationLinks(userId, all -> all.size() >= 2);
        assertThat(links).extracting(RegistrationLinkIssued::getCausationEventId)
                .as("none for the second share: the first link still worked")
                .containsExactly(first.getEventId(), third.getEventId());
        String thirdToken = tokenOf(links.get(1));
        assertThat(thirdToken).isNotEqualTo(firstToken);
        assertThat(http.post("/v1/registrations/" + firstToken, null,
                Map.of("displayName", "Old", "password", "correct horse battery")).status()).isEqualTo(410);
        assertThat(http.post("/v1/registrations/" + thirdToken, null,
                Map.of("displayName", "New", "password", "correct horse battery")).status()).isEqualTo(200);
    }

    @Test
    void aRedeliveredShareSendsOneLink() {
        String email = EventFixtures.newEmail("replayed");
        ShareRequested share = EventFixtures.shareRequested(organization, email);
        publish(share);
        publish(share);
        // A later event of the same share (same key, same partition): once it is answered, both copies were handled.
        ShareRequested marker = EventFixtures.anotherEventFor(share, EventFixtures.newEmail("marker"));
        publish(marker);
        awaitProvisioned(marker);

        UUID userId = awaitProvisioned(share).getUserId();
        assertThat(registrationLinks(userId, links -> !links.isEmpty())).hasSize(1);
    }

    @Test
    void theEventIsKeyedByTheUserAndCarriesCloudEventsHeaders() {
        ShareRequested share = EventFixtures.shareRequested(organization, EventFixtures.newEmail("headers"));
        publish(share);
        UUID userId = awaitProvisioned(share).getUserId();
        RegistrationLinkIssued issued = registrationLinks(userId, links -> !links.isEmpty()).get(0);

        ConsumerRecord<String, byte[]> record = KAFKA_CLIENT.readUntil(Topics.SHARE_PROVISIONING,
                        all -> all.stream().anyMatch(r -> userId.toString().equals(r.key())))
                .stream().filter(r -> userId.toString().equals(r.key())).findFirst().orElseThrow();
        assertThat(CloudEventHeaders.header(record.headers(), "ce_type"))
                .contains("io.shareflow.events.RegistrationLinkIssued");
        assertThat(CloudEventHeaders.header(record.headers(), "ce_id")).contains(issued.getEventId().toString());
    }

    private byte[] eventBytes(UUID userId) {
        return KAFKA_CLIENT.readUntil(Topics.SHARE_PROVISIONING,
                        all -> all.stream().anyMatch(r -> userId.toString().equals(r.key())))
                .stream().filter(r -> userId.toString().equals(r.key())).findFirst().orElseThrow().value();
    }

    private static void publish(ShareRequested share) {
        KAFKA_CLIENT.send(Topics.SHARE_EVENTS, share.getShareId().toString(), share);
    }

    private static RecipientProvisioned awaitProvisioned(ShareRequested share) {
        List<SpecificRecord> results = KAFKA_CLIENT.eventsUntil(Topics.SHARE_PROVISIONING, share.getShareId().toString(),
                events -> events.stream().anyMatch(e -> e instanceof RecipientProvisioned p
                        && p.getCausationEventId().equals(share.getEventId())));
        return results.stream().filter(e -> e instanceof RecipientProvisioned p
                        && p.getCausationEventId().equals(share.getEventId()))
                .map(RecipientProvisioned.class::cast).findFirst().orElseThrow();
    }
}
