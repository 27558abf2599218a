package io.shareflow.notifier.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import io.shareflow.notifier.NotifierIntegrationSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A batch holds its rows locked until it commits. A revocation of a share whose row a batch holds waits for the batch:
 * the attempt under way cannot be called back, but if it fails transiently the row is dropped instead of retried; the
 * attempt of a share not revoked goes back to PENDING as before. A revoked share's row is never claimed.
 */
class RevokedDuringAttemptIT extends NotifierIntegrationSupport {

    @Autowired
    private Notifications notifications;
    @Autowired
    private PlatformTransactionManager transactionManager;
    @Autowired
    private DataSource dataSource;

    @Test
    void aRevocationWaitsForTheBatchHoldingTheRowAndDropsItsRetry() {
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        Notification revoked = pending(UUID.randomUUID(), "1 hour");
        Notification other = pending(UUID.randomUUID(), "1 hour");
        CompletableFuture<Integer> revocation = new CompletableFuture<>();

        transactions.executeWithoutResult(batch -> {
            lock(revoked);
            lock(other);
            new Thread(() -> revocation.complete(
                    transactions.execute(tx -> notifications.dropPendingOf(revoked.shareId())))).start();
            await().atMost(Duration.ofSeconds(10)).until(() -> waitingForALock() > 0);
            assertThat(revocation).as("the revocation waits for the batch").isNotDone();

            assertThat(notifications.retryLater(revoked, Duration.ofHours(1), "451 try later")).isTrue();
            assertThat(notifications.retryLater(other, Duration.ofHours(1), "451 try later")).isTrue();
        });

        assertThat(revocation.join()).as("dropped once the batch committed its retry").isEqualTo(1);
        assertThat(row(revoked)).contains("\"state\":\"DROPPED\"").contains("\"link_sealed\":null")
                .contains("\"attempts\":1");
        assertThat(row(other)).contains("\"state\":\"PENDING\"").doesNotContain("\"link_sealed\":null")
                .contains("\"last_error\":\"451 try later\"").contains("\"attempts\":1");
    }

    /**
     * The wait above may last as long as a batch's transaction: PostgreSQL ends one left idle after
     * {@code idle_in_transaction_session_timeout}. The driver's socket timeout (service-support's default is 60 s) must
     * outlast that, or it would cut off a revocation that is legitimately waiting.
     */
    @Test
    void theDriverWaitsForAnAnswerLongerThanABatchTransactionCanLast() throws SQLException {
        long idleInTransactionMillis = jdbc.sql("select setting::bigint from pg_settings"
                + " where name = 'idle_in_transaction_session_timeout'").query(Long.class).single();
        try (Connection connection = dataSource.getConnection()) {
            assertThat(idleInTransactionMillis).as("the service's session setting").isEqualTo(300_000);
            assertThat((long) connection.getNetworkTimeout()).as("pgjdbc's socket timeout, ms")
                    .isGreaterThan(idleInTransactionMillis);
        }
    }

    @Test
    void aRevokedSharesRowIsNeverClaimed() {
        Notification due = pending(UUID.randomUUID(), "0 seconds");
        // As a retry that became due while the revocation committed would be: revoked, yet PENDING.
        jdbc.sql("insert into revoked_share (share_id) values (:id)").param("id", due.shareId()).update();

        var claimed = new TransactionTemplate(transactionManager).execute(tx -> notifications.claimDue(10_000));

        assertThat(claimed).extracting(Notification::eventId).doesNotContain(due.eventId());
    }

    /** A row waiting for its first attempt, due after {@code dueIn} (so the dispatcher leaves it alone meanwhile). */
    private Notification pending(UUID shareId, String dueIn) {
        UUID eventId = UUID.randomUUID();
        String recipient = "attempt-" + shareId + "@example.com";
        String messageId = "<share-" + shareId + "-0@shareflow>";
        jdbc.sql("""
                        insert into notification (event_id, share_id, resend, message_id, recipient_email, invitation,
                                                  link_sealed, state, attempts, next_attempt_at)
                        values (:eventId, :shareId, 0, :messageId, :recipient,
                                '{"sharerName": "Ada", "sharerEmail": "ada@example.com", "resourceName": "r",
                                  "resourceKind": "file", "role": "viewer"}', :sealed, 'PENDING', 0,
                                now() + cast(:dueIn as interval))
                        """)
                .param("eventId", eventId).param("shareId", shareId).param("messageId", messageId)
                .param("recipient", recipient).param("sealed", new byte[] {1, 2, 3}).param("dueIn", dueIn)
                .update();
        return new Notification(eventId, 0, shareId, null, 0, messageId, recipient, null, null, 1, null, null, null,
                null, null, null);
    }

    /** What {@link Notifications#claimDue} does to a row, for this one row. */
    private void lock(Notification n) {
        jdbc.sql("select 1 from notification where event_id = :id for update").param("id", n.eventId())
                .query(Integer.class).single();
    }

    private long waitingForALock() {
        return jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()")
                .query(Long.class).single();
    }

    private String row(Notification n) {
        return jdbc.sql("select row_to_json(n)::text from notification n where event_id = :id")
                .param("id", n.eventId()).query(String.class).single();
    }
}
