package io.shareflow.api.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shareflow.api.ShareApiIntegrationSupport;
import io.shareflow.api.support.Caller;
import io.shareflow.events.NotificationSent;
import io.shareflow.events.RecipientProvisioned;
import io.shareflow.events.ShareNotificationRequested;
import io.shareflow.events.ShareRequested;
import io.shareflow.schemas.Topics;
import io.shareflow.testsupport.HttpTestClient.Response;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * DESIGN.md "No share stuck": a share still without an outcome {@code shareflow.shares.stuck.after} (PT2H) after it
 * was asked for one is flagged, its invitation FAILED (NOTIFICATION_FAILED), with a history entry naming what never
 * answered and the gauge {@code shareflow_shares_stuck}; a re-send asks again for what is missing, and a late outcome
 * still counts. The shares are made old by moving their {@code requested_at} back; the sweep is run directly.
 */
class StuckShareIT extends ShareApiIntegrationSupport {

    private final Caller sharer = Caller.sharer();

    @Autowired
    private StuckShareSweep sweep;

    @Test
    void aShareWithoutAnyOutcomeForTooLongIsFlaggedNotificationFailedAndAYoungOneIsLeftAlone() {
        UUID resource = createDocument(sharer);
        UUID stuck = share(resource);
        UUID young = share(resource);
        requestedHoursAgo(stuck, 3);
        requestedHoursAgo(young, 1);

        sweep.sweep();

        JsonNode flagged = details(stuck);
        assertThat(flagged.get("status").asString()).isEqualTo("NOTIFICATION_FAILED");
        assertThat(flagged.get("provisioning").asString()).isEqualTo("PENDING");
        assertThat(flagged.get("notification").asString()).isEqualTo("FAILED");
        JsonNode last = lastHistory(flagged);
        assertThat(last.get("status").asString()).isEqualTo("NOTIFICATION_FAILED");
        assertThat(last.get("cause").asString()).isEqualTo("StuckShare(provisioning PENDING, notification PENDING"
                + " after PT2H: no outcome from user-provisioner, share-notifier)");
        assertThat(last.has("by")).isFalse();
        assertThat(stuckAt(stuck)).isNotNull();

        assertThat(details(young).get("status").asString()).isEqualTo("PENDING");
        assertThat(details(young).get("history")).hasSize(1);
        assertThat(stuckAt(young)).isNull();

        Response metrics = api.get("/actuator/prometheus", null);
        assertThat(metrics.body()).containsPattern("(?m)^shareflow_shares_stuck\\{[^}]*\\} [1-9]")
                .containsPattern("(?m)^shareflow_shares_stuck_flagged_total\\{[^}]*\\} [1-9]");

        long entries = historySize(stuck);
        sweep.sweep();
        assertThat(historySize(stuck)).as("flagged once").isEqualTo(entries);
    }

    @Test
    void aLateNotificationSentMakesAFlaggedShareActive() {
        UUID shareId = share(createDocument(sharer));
        publish(Topics.SHARE_PROVISIONING, shareId, provisioned(shareId));
        await().until(() -> "EXISTING_USER".equals(details(shareId).get("provisioning").asString()));
        requestedHoursAgo(shareId, 3);

        sweep.sweep();

        assertThat(details(shareId).get("status").asString()).isEqualTo("NOTIFICATION_FAILED");
        assertThat(lastHistory(details(shareId)).get("cause").asString()).isEqualTo(
                "StuckShare(provisioning EXISTING_USER, notification PENDING after PT2H: no outcome from share-notifier)");
        assertThat(stuckCount()).isPositive();

        publish(Topics.SHARE_NOTIFICATIONS, shareId, sent(shareId));

        await().until(() -> "ACTIVE".equals(details(shareId).get("status").asString()));
        assertThat(details(shareId).get("notification").asString()).isEqualTo("SENT");
        assertThat(count("select count(*) from share where id = ? and stuck_at is not null", shareId))
                .as("the flag stays as a record").isEqualTo(1);
        assertThat(stuckIds()).as("no longer on the to-do list").doesNotContain(shareId);
    }

    @Test
    void reSendingAStuckShareWhoseProvisioningNeverAnsweredRequestsTheShareAgain() {
        UUID shareId = share(createDocument(sharer));
        requestedHoursAgo(shareId, 3);
        sweep.sweep();
        assertThat(stuckIds()).contains(shareId);

        Response resent = api.post("/v1/shares/" + shareId + "/notifications", sharer.token(), null);

        assertThat(resent.status()).as(resent.toString()).isEqualTo(202);
        List<SpecificRecord> events = kafka().eventsUntil(Topics.SHARE_EVENTS, shareId.toString(),
                all -> all.stream().filter(ShareRequested.class::isInstance).count() == 2);
        List<ShareRequested> requested = events.stream().filter(ShareRequested.class::isInstance)
                .map(ShareRequested.class::cast).toList();
        ShareRequested first = requested.get(0);
        ShareRequested again = requested.get(1);
        assertThat(again.getEventId()).isNotEqualTo(first.getEventId());
        assertThat(again.getRequestId()).isEqualTo(first.getRequestId());
        assertThat(again.getRecipientEmail()).isEqualTo(first.getRecipientEmail());
        assertThat(again.getNotify()).isTrue();
        assertThat(again.getSealedLink()).isEqualTo(first.getSealedLink());
        assertThat(first.getAttempt()).as("the share's first ShareRequested").isZero();
        assertThat(again.getAttempt()).as("re-send 1: its invitation gets a Message-ID of its own").isEqualTo(1);
        assertThat(events).as("one e-mail asked for: no ShareNotificationRequested besides")
                .noneMatch(ShareNotificationRequested.class::isInstance);
        assertThat(lastHistory(details(shareId)).get("cause").asString())
                .isEqualTo("ShareRequested(attempt 1, provisioning PENDING)");
        assertThat(stuckAt(shareId)).as("asked again: no longer flagged").isNull();
        assertThat(stuckIds()).doesNotContain(shareId);
        assertThat(count("select count(*) from share where id = ? and requested_at > now() - interval '1 minute'",
                shareId)).as("the sweep waits from the re-send").isEqualTo(1);
        sweep.sweep();
        assertThat(details(shareId).get("status").asString()).isEqualTo("NOTIFICATION_FAILED");
        assertThat(stuckAt(shareId)).isNull();
    }

    @Test
    void reSendingAStuckShareThatIsProvisionedSendsTheInvitationOnly() {
        UUID shareId = share(createDocument(sharer));
        publish(Topics.SHARE_PROVISIONING, shareId, provisioned(shareId));
        await().until(() -> "EXISTING_USER".equals(details(shareId).get("provisioning").asString()));
        requestedHoursAgo(shareId, 3);
        sweep.sweep();

        assertThat(api.post("/v1/shares/" + shareId + "/notifications", sharer.token(), null).status()).isEqualTo(202);

        List<SpecificRecord> events = kafka().eventsUntil(Topics.SHARE_EVENTS, shareId.toString(),
                all -> all.stream().anyMatch(ShareNotificationRequested.class::isInstance));
        assertThat(events.stream().filter(ShareRequested.class::isInstance)).hasSize(1);
        assertThat(events.stream().filter(ShareNotificationRequested.class::isInstance)).hasSize(1);
    }

    @Test
    void aLinkRecipientsEmailWithoutOutcomeForTooLongFailsAndTheLinkStaysActive() {
        UUID resource = createDocument(sharer);
        Response created = api.post("/v1/shares/" + resource + "/links", sharer.token(), Map.of("audience", "anyone",
                "recipients", List.of(Map.of("email", "ann@example.com"), Map.of("email", "bob@example.com"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID linkId = UUID.fromString(created.data().get("shareId").asString());
        publish(Topics.SHARE_NOTIFICATIONS, linkId, sent(linkId, "ann@example.com"));
        await().until(() -> recipients(linkId).contains("ann@example.com SENT"));
        requestedHoursAgo(linkId, 3);

        sweep.sweep();

        assertThat(recipients(linkId)).containsExactly("ann@example.com SENT", "bob@example.com FAILED");
        JsonNode link = details(linkId);
        assertThat(link.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(lastHistory(link).get("cause").asString()).isEqualTo("StuckShare(notification to bob@example.com"
                + " PENDING after PT2H: no outcome from share-notifier)");
        assertThat(stuckIds()).contains(linkId);

        publish(Topics.SHARE_NOTIFICATIONS, linkId, sent(linkId, "bob@example.com"));
        await().until(() -> recipients(linkId).contains("bob@example.com SENT"));
        assertThat(stuckIds()).doesNotContain(linkId);
    }

    private UUID share(UUID resource) {
        Response response = api.post("/v1/shares/" + resource, sharer.token(), Map.of("recipientEmail",
                "stuck." + UUID.randomUUID().toString().substring(0, 8) + "@recipient.example"));
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        return UUID.fromString(response.data().get("shares").get(0).get("shareId").asString());
    }

    private void requestedHoursAgo(UUID shareId, int hours) {
        jdbc.sql("update share set requested_at = now() - make_interval(hours => ?) where id = ?")
                .params(hours, shareId).update();
    }

    private JsonNode details(UUID shareId) {
        return api.get("/v1/shares/" + shareId, sharer.token()).data();
    }

    private static JsonNode lastHistory(JsonNode share) {
        JsonNode history = share.get("history");
        return history.get(history.size() - 1);
    }

    private long historySize(UUID shareId) {
        return count("select count(*) from share_history where share_id = ?", shareId);
    }

    private Instant stuckAt(UUID shareId) {
        return jdbc.sql("select stuck_at from share where id = ?").param(shareId)
                .query((rs, row) -> java.util.Optional.ofNullable(rs.getTimestamp("stuck_at"))).single()
                .map(java.sql.Timestamp::toInstant).orElse(null);
    }

    /** The shares the gauge counts, as {@link ShareStatuses#countStuck} selects them. */
    private List<UUID> stuckIds() {
        return jdbc.sql("""
                        select id from share where stuck_at is not null
                          and ((type = 'person' and status in ('PENDING', 'NOTIFICATION_FAILED'))
                               or (type = 'link' and exists (select 1 from share_link_recipient r
                                   where r.share_id = share.id and r.notification in ('PENDING', 'FAILED'))))
                        """).query(UUID.class).list();
    }

    @Autowired
    private ShareStatuses statuses;

    private long stuckCount() {
        return statuses.countStuck(Instant.now());
    }

    private List<String> recipients(UUID shareId) {
        return jdbc.sql("select email || ' ' || notification from share_link_recipient where share_id = ?"
                + " order by position").param(shareId).query(String.class).list();
    }

    private RecipientProvisioned provisioned(UUID shareId) {
        return RecipientProvisioned.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(Instant.now())
                .setShareId(shareId).setCausationEventId(UUID.randomUUID()).setUserId(UUID.randomUUID())
                .setOrganizationId(sharer.organizationId()).setRecipientEmail("r@example.com")
                .setOutcome("EXISTING_USER").build();
    }

    private static NotificationSent sent(UUID shareId) {
        return sent(shareId, null);
    }

    private static NotificationSent sent(UUID shareId, String recipientEmail) {
        return NotificationSent.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(Instant.now())
                .setShareId(shareId).setCausationEventId(UUID.randomUUID())
                .setMessageId("<" + UUID.randomUUID() + "@shareflow>").setAttempt(1).setSkipped(false)
                .setRecipientEmail(recipientEmail).build();
    }
}
