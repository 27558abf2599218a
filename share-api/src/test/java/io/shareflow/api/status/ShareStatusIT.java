package io.shareflow.api.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.shareflow.api.ShareApiIntegrationSupport;
import io.shareflow.api.support.Caller;
import io.shareflow.events.NotificationFailed;
import io.shareflow.events.NotificationSent;
import io.shareflow.events.RecipientProvisioned;
import io.shareflow.events.RecipientRejected;
import io.shareflow.schemas.Topics;
import io.shareflow.testsupport.HttpTestClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Status transitions driven by real events on Kafka, as user-provisioner and share-notifier publish them. */
class ShareStatusIT extends ShareApiIntegrationSupport {

    private final Caller sharer = Caller.sharer();

    @Test
    void provisionedAndNotifiedMakesTheShareActive() {
        UUID shareId = newShare();
        JsonNode before = share(shareId).path("recipientUserId");
        assertThat(before.isNull() || before.isMissingNode()).as("%s", before).isTrue();

        RecipientProvisioned created = provisioned(shareId, "USER_CREATED");
        publish(Topics.SHARE_PROVISIONING, shareId, created);
        awaitHistory(shareId, 2);
        assertThat(share(shareId).get("status").asString()).isEqualTo("PENDING");
        assertThat(share(shareId).get("provisioning").asString()).isEqualTo("USER_CREATED");
        // From then on the share names its recipient by id too.
        assertThat(share(shareId).get("recipientUserId").asString()).isEqualTo(created.getUserId().toString());

        publish(Topics.SHARE_NOTIFICATIONS, shareId, sent(shareId, false));
        awaitStatus(shareId, "ACTIVE");

        JsonNode share = share(shareId);
        assertThat(share.get("notification").asString()).isEqualTo("SENT");
        assertThat(share.get("history")).extracting(h -> h.get("status").asString() + " " + h.get("cause").asString())
                .containsExactly("PENDING ShareRequested", "PENDING RecipientProvisioned(USER_CREATED)",
                        "ACTIVE NotificationSent");
    }

    @Test
    void aFailedInvitationIsNotificationFailed() {
        UUID shareId = newShare();

        publish(Topics.SHARE_NOTIFICATIONS, shareId, failed(shareId));
        publish(Topics.SHARE_PROVISIONING, shareId, provisioned(shareId, "EXISTING_USER"));

        awaitHistory(shareId, 3);
        JsonNode share = share(shareId);
        assertThat(share.get("status").asString()).isEqualTo("NOTIFICATION_FAILED");
        assertThat(share.get("provisioning").asString()).isEqualTo("EXISTING_USER");
        assertThat(share.get("notification").asString()).isEqualTo("FAILED");
    }

    @Test
    void aRedeliveredEventChangesNothingTwice() {
        UUID shareId = newShare();
        NotificationFailed event = failed(shareId);

        publish(Topics.SHARE_NOTIFICATIONS, shareId, event);
        publish(Topics.SHARE_NOTIFICATIONS, shareId, event);
        // A marker after the duplicate: once it is applied, the duplicate has been consumed too (same partition).
        publish(Topics.SHARE_NOTIFICATIONS, shareId, sent(shareId, false));

        awaitHistory(shareId, 3);
        assertThat(share(shareId).get("history")).extracting(h -> h.get("cause").asString())
                .containsExactly("ShareRequested", "NotificationFailed(retries exhausted: connection refused)", "NotificationSent");
        assertThat(count("select count(*) from processed_event where consumer = 'share-api' and event_id = ?",
                event.getEventId())).isEqualTo(1);
    }

    @Test
    void aLateProvisioningNeverUndoesARejection() {
        UUID shareId = newShare();
        RecipientProvisioned late = provisioned(shareId, "USER_CREATED");

        publish(Topics.SHARE_PROVISIONING, shareId, RecipientRejected.newBuilder().setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now()).setShareId(shareId).setCausationEventId(UUID.randomUUID())
                .setRecipientEmail("r@example.com").setReason("user of another organisation").build());
        awaitHistory(shareId, 2);
        publish(Topics.SHARE_PROVISIONING, shareId, late);
        publish(Topics.SHARE_NOTIFICATIONS, shareId, sent(shareId, false));

        awaitHistory(shareId, 3);
        await().until(() -> count("select count(*) from processed_event where consumer = 'share-api' and event_id = ?",
                late.getEventId()) == 1);
        JsonNode share = share(shareId);
        assertThat(share.get("status").asString()).isEqualTo("REJECTED");
        assertThat(share.get("provisioning").asString()).isEqualTo("REJECTED");
        assertThat(share.get("notification").asString()).isEqualTo("SENT");
        assertThat(share.get("history")).extracting(h -> h.get("status").asString())
                .containsExactly("PENDING", "REJECTED", "REJECTED");
        assertThat(share.get("history")).extracting(h -> h.get("cause").asString())
                .contains("RecipientRejected(user of another organisation)");
    }

    @Test
    void aShareWithoutInvitationIsActiveOnceProvisioned() {
        UUID resource = createDocument(sharer);
        HttpTestClient.Response response = api.post("/v1/shares/" + resource, sharer.token(),
                Map.of("recipientEmail", "quiet@example.com", "notify", false));
        UUID shareId = UUID.fromString(response.data().get("shares").get(0).get("shareId").asString());

        publish(Topics.SHARE_PROVISIONING, shareId, provisioned(shareId, "EXISTING_USER"));
        publish(Topics.SHARE_NOTIFICATIONS, shareId, sent(shareId, true));

        awaitStatus(shareId, "ACTIVE");
        assertThat(share(shareId).get("notification").asString()).isEqualTo("SKIPPED");
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicAndTheNextIsProcessed() {
        UUID shareId = newShare();
        byte[] poison = "not an event".getBytes(StandardCharsets.UTF_8);

        kafka().sendRaw(Topics.SHARE_PROVISIONING, null, shareId.toString(), poison);
        publish(Topics.SHARE_PROVISIONING, shareId, provisioned(shareId, "EXISTING_USER"));

        awaitHistory(shareId, 2);
        kafka().readUntil(Topics.deadLetter(Topics.SHARE_PROVISIONING),
                records -> records.stream().anyMatch(record -> shareId.toString().equals(record.key())));
    }

    private UUID newShare() {
        UUID resource = createDocument(sharer);
        HttpTestClient.Response response = api.post("/v1/shares/" + resource, sharer.token(), Map.of("recipientEmail", "r@example.com"));
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        return UUID.fromString(response.data().get("shares").get(0).get("shareId").asString());
    }

    private JsonNode share(UUID shareId) {
        return api.get("/v1/shares/" + shareId, sharer.token()).data();
    }

    private void awaitStatus(UUID shareId, String status) {
        await().until(() -> share(shareId).get("status").asString().equals(status));
    }

    private void awaitHistory(UUID shareId, int entries) {
        await().until(() -> count("select count(*) from share_history where share_id = ?", shareId) >= entries);
    }

    private static RecipientProvisioned provisioned(UUID shareId, String outcome) {
        return RecipientProvisioned.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(Instant.now())
                .setShareId(shareId).setCausationEventId(UUID.randomUUID()).setUserId(UUID.randomUUID())
                .setOrganizationId(UUID.randomUUID()).setRecipientEmail("r@example.com").setOutcome(outcome).build();
    }

    private static NotificationSent sent(UUID shareId, boolean skipped) {
        return NotificationSent.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(Instant.now())
                .setShareId(shareId).setCausationEventId(UUID.randomUUID())
                .setMessageId(skipped ? null : "<" + shareId + ".1@shareflow>").setAttempt(1).setSkipped(skipped).build();
    }

    private static NotificationFailed failed(UUID shareId) {
        return NotificationFailed.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(Instant.now())
                .setShareId(shareId).setCausationEventId(UUID.randomUUID()).setAttempts(5).setPermanent(false)
                .setReason("connection refused").build();
    }
}
