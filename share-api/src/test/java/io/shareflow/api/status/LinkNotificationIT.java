package io.shareflow.api.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shareflow.api.ShareApiIntegrationSupport;
import io.shareflow.api.support.Caller;
import io.shareflow.events.NotificationFailed;
import io.shareflow.events.NotificationSent;
import io.shareflow.events.RecipientProvisioned;
import io.shareflow.schemas.Topics;
import io.shareflow.testsupport.HttpTestClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The e-mails of a link, one per recipient, as share-notifier reports them (version 2, with {@code recipientEmail}):
 * each changes its recipient's state, by the rule of a direct share's invitation, and never the link's status.
 */
class LinkNotificationIT extends ShareApiIntegrationSupport {

    private final Caller sharer = Caller.sharer();

    @Test
    void eachRecipientsEmailIsTrackedOnItsOwnAndTheLinkStaysActive() {
        UUID shareId = newLink("ann@example.com", "Bob@Example.com", "cy@example.com");

        publish(Topics.SHARE_NOTIFICATIONS, shareId, sent(shareId, "ANN@example.com"));
        publish(Topics.SHARE_NOTIFICATIONS, shareId, failed(shareId, "bob@example.com"));
        await().until(() -> recipients(shareId).equals(List.of("ann@example.com SENT", "Bob@Example.com FAILED",
                "cy@example.com PENDING")));

        JsonNode link = link(shareId);
        assertThat(link.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(link.get("recipients")).extracting(r -> r.get("email").asString() + " "
                + r.get("notification").asString())
                .containsExactly("ann@example.com SENT", "Bob@Example.com FAILED", "cy@example.com PENDING");
        assertThat(link.get("history")).extracting(h -> h.get("status").asString() + " " + h.get("cause").asString())
                .containsExactly("ACTIVE ShareLinkCreated", "ACTIVE NotificationSent to ANN@example.com",
                        "ACTIVE NotificationFailed(retries exhausted: connection refused) to bob@example.com");
        assertThat(count("select count(*) from share where id = ? and status = 'ACTIVE' and provisioning = 'NONE'"
                + " and notification = 'SKIPPED'", shareId)).isEqualTo(1);
    }

    @Test
    void aSuccessIsFinalAFailureMayStillSucceedAndReplaysChangeNothing() {
        UUID shareId = newLink("ann@example.com", "bob@example.com");
        NotificationSent annSent = sent(shareId, "ann@example.com");
        NotificationFailed bobFailed = failed(shareId, "bob@example.com");
        publish(Topics.SHARE_NOTIFICATIONS, shareId, annSent);
        publish(Topics.SHARE_NOTIFICATIONS, shareId, bobFailed);
        await().until(() -> historySize(shareId) == 3);

        // Replays, a late failure after a success, a report without recipient (version 1), one for somebody else,
        // a provisioning answer (links have none): none changes anything.
        publish(Topics.SHARE_NOTIFICATIONS, shareId, annSent);
        publish(Topics.SHARE_NOTIFICATIONS, shareId, bobFailed);
        publish(Topics.SHARE_NOTIFICATIONS, shareId, failed(shareId, "ann@example.com"));
        publish(Topics.SHARE_NOTIFICATIONS, shareId, sent(shareId, null));
        publish(Topics.SHARE_NOTIFICATIONS, shareId, sent(shareId, "stranger@example.com"));
        RecipientProvisioned stray = provisioned(shareId);
        publish(Topics.SHARE_PROVISIONING, shareId, stray);
        // Then the re-sent e-mail to bob succeeds: once it is applied, everything before it on the partition was too.
        NotificationSent bobSent = sent(shareId, "bob@example.com");
        publish(Topics.SHARE_NOTIFICATIONS, shareId, bobSent);
        await().until(() -> recipients(shareId).equals(List.of("ann@example.com SENT", "bob@example.com SENT")));
        await().until(() -> count("select count(*) from processed_event where consumer = 'share-api' and event_id = ?",
                stray.getEventId()) == 1);

        assertThat(link(shareId).get("history")).extracting(h -> h.get("cause").asString()).containsExactly(
                "ShareLinkCreated", "NotificationSent to ann@example.com",
                "NotificationFailed(retries exhausted: connection refused) to bob@example.com", "NotificationSent to bob@example.com");
        assertThat(count("select count(*) from share where id = ? and status = 'ACTIVE' and provisioning = 'NONE'"
                + " and notification = 'SKIPPED'", shareId)).isEqualTo(1);
        assertThat(count("select count(*) from processed_event where consumer = 'share-api' and event_id = ?",
                annSent.getEventId())).isEqualTo(1);
    }

    @Test
    void aDirectShareIgnoresTheRecipientEmailOfVersion2() {
        UUID resource = createDocument(sharer);
        HttpTestClient.Response response = api.post("/v1/shares/" + resource, sharer.token(),
                Map.of("recipientEmail", "direct@example.com"));
        UUID shareId = UUID.fromString(response.data().get("shares").get(0).get("shareId").asString());

        publish(Topics.SHARE_NOTIFICATIONS, shareId, sent(shareId, "direct@example.com"));
        publish(Topics.SHARE_PROVISIONING, shareId, provisioned(shareId));

        await().until(() -> "ACTIVE".equals(link(shareId).get("status").asString()));
        JsonNode share = link(shareId);
        assertThat(share.get("notification").asString()).isEqualTo("SENT");
        assertThat(share.get("history")).extracting(h -> h.get("cause").asString())
                .contains("NotificationSent").doesNotContain("NotificationSent to direct@example.com");
    }

    private UUID newLink(String... recipients) {
        UUID resource = createDocument(sharer);
        HttpTestClient.Response response = api.post("/v1/shares/" + resource + "/links", sharer.token(), Map.of(
                "audience", "anyone", "recipients", Arrays.stream(recipients).map(r -> Map.of("email", r))
                        .toList()));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.data().get("shareId").asString());
    }

    private JsonNode link(UUID shareId) {
        return api.get("/v1/shares/" + shareId, sharer.token()).data();
    }

    private List<String> recipients(UUID shareId) {
        return jdbc.sql("select email || ' ' || notification from share_link_recipient where share_id = ?"
                + " order by position").param(shareId).query(String.class).list();
    }

    private long historySize(UUID shareId) {
        return count("select count(*) from share_history where share_id = ?", shareId);
    }

    private RecipientProvisioned provisioned(UUID shareId) {
        return RecipientProvisioned.newBuilder().setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now()).setShareId(shareId).setCausationEventId(UUID.randomUUID())
                .setUserId(UUID.randomUUID()).setOrganizationId(sharer.organizationId())
                .setRecipientEmail("someone@example.com").setOutcome("EXISTING_USER").build();
    }

    private static NotificationSent sent(UUID shareId, String recipientEmail) {
        return NotificationSent.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(Instant.now())
                .setShareId(shareId).setCausationEventId(UUID.randomUUID())
                .setMessageId("<" + UUID.randomUUID() + "@shareflow>").setAttempt(1).setSkipped(false)
                .setRecipientEmail(recipientEmail).build();
    }

    private static NotificationFailed failed(UUID shareId, String recipientEmail) {
        return NotificationFailed.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(Instant.now())
                .setShareId(shareId).setCausationEventId(UUID.randomUUID()).setAttempts(5).setPermanent(false)
                .setReason("connection refused").setRecipientEmail(recipientEmail).build();
    }
}
