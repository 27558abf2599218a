package io.shareflow.provisioner.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import io.shareflow.events.RecipientProvisioned;
import io.shareflow.events.RecipientRejected;
import io.shareflow.events.ShareRequested;
import io.shareflow.events.ShareRevoked;
import io.shareflow.events.UserUpserted;
import io.shareflow.provisioner.support.IntegrationTestSupport;
import io.shareflow.schemas.CloudEventHeaders;
import io.shareflow.schemas.Topics;
import io.shareflow.testsupport.EventFixtures;
import io.shareflow.testsupport.HttpTestClient.Response;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ProvisioningIT extends IntegrationTestSupport {

    private UUID organization;

    @BeforeEach
    void organization() {
        organization = createOrganization("Sharer org " + UUID.randomUUID());
    }

    @Test
    void unknownRecipientGetsADeactivatedAccountInTheSharersOrganisation() {
        String email = EventFixtures.newEmail("New.Recipient");
        ShareRequested share = EventFixtures.shareRequested(organization, email);
        publish(share);

        RecipientProvisioned result = (RecipientProvisioned) awaitResult(share);
        assertThat(result.getOutcome()).isEqualTo("USER_CREATED");
        assertThat(result.getCausationEventId()).isEqualTo(share.getEventId());
        assertThat(result.getOrganizationId()).isEqualTo(organization);
        assertThat(result.getRecipientEmail()).isEqualTo(email);

        JsonNode user = findUser(email);
        assertThat(user.path("id").asString()).isEqualTo(result.getUserId().toString());
        assertThat(user.path("status").asString()).isEqualTo("DEACTIVATED");
        assertThat(user.path("organizationId").asString()).isEqualTo(organization.toString());

        List<SpecificRecord> directory = KAFKA_CLIENT.eventsUntil(Topics.USER_DIRECTORY, result.getUserId().toString(),
                events -> !events.isEmpty());
        UserUpserted upserted = (UserUpserted) directory.get(0);
        assertThat(upserted.getStatus()).isEqualTo("DEACTIVATED");
        assertThat(upserted.getEmail()).isEqualTo(email);
        assertThat(upserted.getDisplayName()).isNull();
    }

    @Test
    void existingUserOfTheSameOrganisationIsReused() {
        String email = EventFixtures.newEmail("colleague");
        UUID userId = createUser(organization, email);
        ShareRequested share = EventFixtures.shareRequested(organization, email.toUpperCase());
        publish(share);

        RecipientProvisioned result = (RecipientProvisioned) awaitResult(share);
        assertThat(result.getOutcome()).isEqualTo("EXISTING_USER");
        assertThat(result.getUserId()).isEqualTo(userId);
    }

    @Test
    void userOfAnotherOrganisationIsRejected() {
        String email = EventFixtures.newEmail("competitor");
        createUser(createOrganization("Competitor"), email);
        ShareRequested share = EventFixtures.shareRequested(organization, email);
        publish(share);

        RecipientRejected result = (RecipientRejected) awaitResult(share);
        assertThat(result.getRecipientEmail()).isEqualTo(email);
        assertThat(result.getCausationEventId()).isEqualTo(share.getEventId());
        assertThat(result.getReason()).contains("another organisation");
    }

    @Test
    void invalidAddressOrUnknownOrganisationIsRejectedNotDeadLettered() {
        ShareRequested invalid = EventFixtures.shareRequested(organization, "no-at-sign");
        ShareRequested unknownOrg = EventFixtures.shareRequested(UUID.randomUUID(), EventFixtures.newEmail("orphan"));
        publish(invalid);
        publish(unknownOrg);

        assertThat(awaitResult(invalid)).isInstanceOf(RecipientRejected.class);
        assertThat(awaitResult(unknownOrg)).isInstanceOf(RecipientRejected.class);
        assertThat(findUsers(unknownOrg.getRecipientEmail())).isEmpty();
    }

    @Test
    void aRedeliveredEventCreatesOneUserAndOneResult() {
        String email = EventFixtures.newEmail("twice");
        ShareRequested share = EventFixtures.shareRequested(organization, email);
        publish(share);
        publish(share);
        // A later, different event for the same share (same key, same partition): once its result is
        // there, both copies of the first event have been handled.
        ShareRequested marker = EventFixtures.anotherEventFor(share, EventFixtures.newEmail("marker"));
        publish(marker);

        List<SpecificRecord> results = KAFKA_CLIENT.eventsUntil(Topics.SHARE_PROVISIONING,
                share.getShareId().toString(), events -> events.stream().anyMatch(e -> causedBy(e, marker)));
        assertThat(results.stream().filter(e -> causedBy(e, share))).hasSize(1);
        assertThat(findUsers(email)).hasSize(1);
    }

    @Test
    void concurrentSharesToTheSameNewAddressCreateOneUser() {
        String email = EventFixtures.newEmail("popular");
        List<ShareRequested> shares = IntStream.range(0, 6)
                .mapToObj(i -> EventFixtures.shareRequested(organization, i % 2 == 0 ? email : email.toUpperCase()))
                .toList();
        shares.forEach(this::publish);

        List<RecipientProvisioned> results = shares.stream().map(s -> (RecipientProvisioned) awaitResult(s)).toList();
        assertThat(results).extracting(RecipientProvisioned::getUserId).containsOnly(results.get(0).getUserId());
        assertThat(results).filteredOn(r -> r.getOutcome().equals("USER_CREATED")).hasSize(1);
        assertThat(findUsers(email)).hasSize(1);
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicAndLaterRecordsAreProcessed() {
        String poisonKey = "poison-" + UUID.randomUUID();
        KAFKA_CLIENT.sendRaw(Topics.SHARE_EVENTS, null, poisonKey, "definitely not avro".getBytes(StandardCharsets.UTF_8));
        // Other event types on the topic are not this service's business: neither processed nor dead-lettered.
        ShareRevoked revoked = EventFixtures.revocationOf(EventFixtures.shareRequested(organization,
                EventFixtures.newEmail("revoked")));
        String revokedKey = revoked.getShareId().toString();
        KAFKA_CLIENT.send(Topics.SHARE_EVENTS, revokedKey, revoked);
        ShareRequested later = EventFixtures.shareRequested(organization, EventFixtures.newEmail("after.poison"));
        publish(later);

        assertThat(awaitResult(later)).isInstanceOf(RecipientProvisioned.class);
        List<ConsumerRecord<String, byte[]>> dead = KAFKA_CLIENT.readUntil(Topics.deadLetter(Topics.SHARE_EVENTS),
                records -> records.stream().anyMatch(r -> poisonKey.equals(r.key())));
        ConsumerRecord<String, byte[]> poison = dead.stream().filter(r -> poisonKey.equals(r.key())).findFirst().orElseThrow();
        assertThat(new String(poison.value(), StandardCharsets.UTF_8)).isEqualTo("definitely not avro");
        assertThat(CloudEventHeaders.header(poison.headers(), "kafka_dlt-exception-message")).isPresent();
        assertThat(dead).noneMatch(r -> revokedKey.equals(r.key()));
    }

    private void publish(ShareRequested share) {
        KAFKA_CLIENT.send(Topics.SHARE_EVENTS, share.getShareId().toString(), share);
    }

    private static SpecificRecord awaitResult(ShareRequested share) {
        return KAFKA_CLIENT.eventsUntil(Topics.SHARE_PROVISIONING, share.getShareId().toString(),
                        events -> events.stream().anyMatch(e -> causedBy(e, share)))
                .stream().filter(e -> causedBy(e, share)).findFirst().orElseThrow();
    }

    private static boolean causedBy(SpecificRecord event, ShareRequested share) {
        UUID causation = event instanceof RecipientProvisioned p ? p.getCausationEventId()
                : ((RecipientRejected) event).getCausationEventId();
        return causation.equals(share.getEventId());
    }

    private JsonNode findUser(String email) {
        List<JsonNode> users = findUsers(email);
        assertThat(users).hasSize(1);
        return users.get(0);
    }

    private List<JsonNode> findUsers(String email) {
        Response response = http.get("/v1/users?email=" + email, adminToken());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> users = new java.util.ArrayList<>();
        response.json().path("data").forEach(users::add);
        return users;
    }
}
