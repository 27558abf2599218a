package io.shareflow.api.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.shareflow.api.ShareApiIntegrationSupport;
import io.shareflow.api.status.model.Provisioning;
import io.shareflow.api.status.model.ShareOutcome;
import io.shareflow.api.support.Caller;
import io.shareflow.testsupport.DuplicateDelivery;
import io.shareflow.testsupport.HttpTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fault drill 7, duplicate delivery: the same status event handled by two transactions at once (as a rebalance can
 * cause) changes the share once. The second waits on the first's processed-event mark and, once the first commits,
 * skips; when the first rolls back instead, the second applies the event. The real handler bean,
 * {@link ShareStatusTracker}, from two threads ({@link DuplicateDelivery}).
 */
class StatusDuplicateDeliveryIT extends ShareApiIntegrationSupport {

    private final Caller sharer = Caller.sharer();

    @Autowired
    ShareStatusTracker tracker;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactionManager;

    private TransactionTemplate transactions;

    @BeforeEach
    void transactions() {
        transactions = new TransactionTemplate(transactionManager);
    }

    @Test
    void aProvisioningAndANotificationHandledTwiceAtOnceEachChangeTheShareOnce() {
        UUID shareId = newShare();
        UUID userId = UUID.randomUUID();
        ShareOutcome provisioned = ShareOutcome.provisioned(UUID.randomUUID(), Instant.now(), shareId,
                Provisioning.USER_CREATED);

        DuplicateDelivery.race(dataSource,
                hold -> transactions.executeWithoutResult(status -> {
                    tracker.provisioned(provisioned, userId);
                    hold.run();
                }),
                () -> tracker.provisioned(provisioned, userId));

        ShareOutcome sent = ShareOutcome.notified(UUID.randomUUID(), Instant.now(), shareId, false);
        DuplicateDelivery.race(dataSource,
                hold -> transactions.executeWithoutResult(status -> {
                    tracker.apply(sent);
                    hold.run();
                }),
                () -> tracker.apply(sent));

        JsonNode share = share(shareId);
        assertThat(share.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(share.get("recipientUserId").asString()).isEqualTo(userId.toString());
        assertThat(share.get("history")).extracting(h -> h.get("status").asString() + " " + h.get("cause").asString())
                .containsExactly("PENDING ShareRequested", "PENDING RecipientProvisioned(USER_CREATED)",
                        "ACTIVE NotificationSent");
        assertThat(processed(provisioned.eventId())).isEqualTo(1);
        assertThat(processed(sent.eventId())).isEqualTo(1);
    }

    @Test
    void whenTheFirstDeliveryRollsBackTheSecondAppliesTheEvent() {
        UUID shareId = newShare();
        ShareOutcome failed = ShareOutcome.notificationFailed(UUID.randomUUID(), Instant.now(), shareId, true);

        DuplicateDelivery.race(dataSource,
                hold -> transactions.executeWithoutResult(status -> {
                    tracker.apply(failed);
                    hold.run();
                    status.setRollbackOnly();
                }),
                () -> tracker.apply(failed));

        JsonNode share = share(shareId);
        assertThat(share.get("notification").asString()).isEqualTo("FAILED");
        assertThat(share.get("history")).extracting(h -> h.get("cause").asString())
                .containsExactly("ShareRequested", "NotificationFailed(permanent)");
        assertThat(processed(failed.eventId())).isEqualTo(1);
    }

    private UUID newShare() {
        UUID resource = createDocument(sharer);
        HttpTestClient.Response response = api.post("/v1/shares/" + resource, sharer.token(),
                Map.of("recipientEmail", "twice@example.com"));
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        return UUID.fromString(response.data().get("shares").get(0).get("shareId").asString());
    }

    private JsonNode share(UUID shareId) {
        return api.get("/v1/shares/" + shareId, sharer.token()).data();
    }

    private long processed(UUID eventId) {
        return count("select count(*) from processed_event where consumer = 'share-api' and event_id = ?", eventId);
    }
}
