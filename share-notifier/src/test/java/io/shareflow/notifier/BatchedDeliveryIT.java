package io.shareflow.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.shareflow.embedded.mail.CapturedMessage;
import io.shareflow.embedded.mail.MailCatcher;
import io.shareflow.notifier.mail.SmtpProxy;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The send loop as it delivers: a backlog in full batches of {@code batch-size} per worker, each in one transaction and
 * one at a time, sent in parallel over one kept SMTP connection per worker (counted by a proxy in front of the SMTP
 * server); a batch rolled back mid-way — as when the process dies — is
 * sent again with the same Message-IDs and reported once; an attempt whose reply was lost is sent again with the same
 * Message-ID; an SMTP server gone mid-batch releases the batch at once instead of waiting a timeout per e-mail. A
 * notifier of its own ({@link SeparateNotifier}: 2 workers, batches of {@value #BATCH}, 1 s SMTP timeouts).
 */
class BatchedDeliveryIT {

    private static final int WORKERS = 2;
    private static final int BATCH = 10;
    private static final MailCatcher MAIL = TestInfrastructure.mail();

    private static SmtpProxy proxy;
    private static ConfigurableApplicationContext notifier;
    private static JdbcClient jdbc;
    private static TransactionTemplate transactions;

    @BeforeAll
    static void startNotifier() {
        MAIL.startSmtp();
        proxy = SmtpProxy.to(MAIL.smtpPort());
        notifier = new SeparateNotifier("batched").withTopics().start(TestInfrastructure.SEAL_KEY_LIST, Map.of(
                "spring.mail.port", String.valueOf(proxy.port()),
                "spring.mail.properties.mail.smtp.connectiontimeout", "1000",
                "spring.mail.properties.mail.smtp.timeout", "1000",
                "shareflow.notifier.dispatch.workers", String.valueOf(WORKERS),
                "shareflow.notifier.dispatch.batch-size", String.valueOf(BATCH),
                "shareflow.notifier.dispatch.connection-idle-timeout", "1s"));
        jdbc = notifier.getBean(JdbcClient.class);
        transactions = new TransactionTemplate(notifier.getBean(PlatformTransactionManager.class));
    }

    @AfterAll
    static void stopNotifier() {
        if (notifier != null) {
            notifier.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @BeforeEach
    void healthySmtp() {
        MAIL.acceptAllRecipients();
        MAIL.startSmtp();
        proxy.recover();
        eventually().until(() -> proxy.connectionsOpen() == 0); // the last test's connections closed as idle
    }

    @Test
    void aBacklogGoesOutInFullBatchesOverOneKeptConnectionPerWorkerClosedWhenIdle() {
        int connectionsBefore = proxy.connectionsOpened();

        List<Row> rows = backlog(4 * WORKERS * BATCH);

        eventually().until(() -> sent(rows) == rows.size());
        assertThat(copiesOf(rows)).as("each e-mail once").hasSize(rows.size()).containsOnlyKeys(messageIds(rows))
                .allSatisfy((id, copies) -> assertThat(copies).isEqualTo(1));
        assertThat(proxy.connectionsOpened() - connectionsBefore).as("SMTP connections for %d e-mails", rows.size())
                .isBetween(1, WORKERS);
        // now() is the time of the transaction: the rows one batch recorded share it.
        assertThat(jdbc.sql("select count(*) from notification where event_id in (:ids) group by updated_at")
                .param("ids", eventIds(rows)).query(Long.class).list())
                .as("rows per batch transaction").containsOnly((long) WORKERS * BATCH);
        assertThat(reportsSent(rows)).as("one NotificationSent per share").containsOnly(1L);

        eventually().until(() -> proxy.connectionsOpen() == 0);
    }

    @Test
    void oneBatchAtATimeItsEMailsSentInParallelOverEveryWorkersConnection() {
        int connectionsBefore = proxy.connectionsOpened();
        proxy.delayReplies(Duration.ofMillis(25)); // ≈ 0.1 s an e-mail: batches long enough to be seen open
        List<Row> rows = backlog(2 * WORKERS * BATCH);

        List<Integer> open = new ArrayList<>();
        eventually().until(() -> {
            open.add(openDispatchTransactions());
            return sent(rows) == rows.size();
        });

        // Two batches open at once would keep each other's sent rows from being pruned, and every claim would walk
        // them (see DeliveryBatch).
        assertThat(open).as("dispatch transactions open at once, sampled while %d e-mails went out", rows.size())
                .contains(1).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(1));
        assertThat(proxy.connectionsOpened() - connectionsBefore).as("every worker sent over its own connection")
                .isEqualTo(WORKERS);
        assertThat(copiesOf(rows)).as("each e-mail once").hasSize(rows.size())
                .allSatisfy((id, copies) -> assertThat(copies).isEqualTo(1));
    }

    @Test
    void aBatchRolledBackMidWayIsSentAgainWithTheSameMessageIdsAndReportedOnce() {
        proxy.delayReplies(Duration.ofMillis(25)); // ≈ 0.1 s an e-mail: time to catch a batch half-way
        List<Row> rows = backlog(2 * BATCH);
        eventually().until(() -> copiesOf(rows).size() >= 3);

        // What PostgreSQL does when the process dies: the batch's session ends, its transaction rolls back.
        int ended = jdbc.sql("""
                        select count(pg_terminate_backend(pid)) from pg_stat_activity
                        where datname = current_database() and state = 'idle in transaction'
                        """).query(Integer.class).single();
        assertThat(ended).as("the batch caught half-way").isEqualTo(1);
        proxy.recover();

        eventually().until(() -> sent(rows) == rows.size());
        Map<String, Long> copies = copiesOf(rows);
        assertThat(copies).as("every e-mail arrived, under its own Message-ID").containsOnlyKeys(messageIds(rows));
        long repeated = copies.values().stream().mapToLong(c -> c - 1).sum();
        assertThat(repeated).as("sent again: what the rolled-back batches had sent").isBetween(1L, (long) WORKERS * BATCH);
        assertThat(attempts(rows)).as("a rolled-back attempt leaves no trace").containsOnly(1);
        assertThat(reportsSent(rows)).as("reported once").containsOnly(1L);
    }

    @Test
    void anAttemptWhoseReplyWasLostIsSentAgainWithTheSameMessageId() {
        proxy.loseTheReplyToTheNextMessages(1);

        List<Row> rows = backlog(1);

        eventually().until(() -> sent(rows) == 1);
        assertThat(copiesOf(rows)).as("in doubt, so sent again: twice, one Message-ID")
                .isEqualTo(Map.of(rows.get(0).messageId(), 2L));
        assertThat(attempts(rows)).containsExactly(2);
        assertThat(reportsSent(rows)).containsExactly(1L);
        assertThat(jdbc.sql("select count(*) from outbox_event where aggregateid = :id and type = 'NotificationFailed'")
                .param("id", rows.get(0).shareId().toString()).query(Long.class).single()).isZero();
    }

    @Test
    void anSmtpServerGoneMidBatchReleasesTheBatchAtOnce() {
        proxy.delayReplies(Duration.ofMillis(25));
        List<Row> rows = backlog(2 * BATCH);
        eventually().until(() -> copiesOf(rows).size() >= 2);

        long cut = System.nanoTime();
        proxy.fail(); // connections cut; new ones accepted and never answered, so each costs a 1 s timeout
        eventually().until(() -> recorded(rows) == rows.size());
        Duration released = Duration.ofNanos(System.nanoTime() - cut);

        // The e-mail under way fails, one reconnect times out (1 s), and the rest of the batch shares that outcome
        // instead of waiting 1 s each (≈ 8 s more).
        assertThat(released).as("every row recorded after the cut").isLessThan(Duration.ofSeconds(4));
        proxy.recover();
        eventually().until(() -> sent(rows) == rows.size());
        assertThat(copiesOf(rows)).containsOnlyKeys(messageIds(rows))
                .allSatisfy((id, copies) -> assertThat(copies).isBetween(1L, 2L));
        assertThat(reportsSent(rows)).containsOnly(1L);
    }

    @Test
    void anOutcomeTheDatabaseRefusesFailsThatRowAloneAndSendsNothingTwice() {
        List<Row> rows = backlog(3);
        Row refused = rows.get(1);
        // A real refusal by the database, as a value it cannot store would be: the row's SENT update raises.
        jdbc.sql("""
                create or replace function refuse_sent() returns trigger language plpgsql as $$
                begin raise exception 'refused by the test'; end $$""").update();
        jdbc.sql("create trigger refuse_sent before update on notification for each row when (new.state = 'SENT'"
                + " and new.recipient_email = '" + refused.recipient() + "') execute function refuse_sent()").update();
        try {
            eventually().until(() -> sent(rows) == 2 && failedReason(refused) != null);

            assertThat(failedReason(refused)).startsWith("The outcome of the attempt could not be recorded")
                    .contains("refused by the test");
            assertThat(jdbc.sql("select count(*) from outbox_event where aggregateid = :id and type = 'NotificationFailed'")
                    .param("id", refused.shareId().toString()).query(Long.class).single()).isEqualTo(1);
            assertThat(reportsSent(List.of(rows.get(0), rows.get(2)))).containsOnly(1L);
            // Claims keep coming (a worker polls every second): none of them finds these rows again.
            long claimsBefore = copiesOf(rows).values().stream().mapToLong(Long::longValue).sum();
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> copiesOf(rows).values().stream().mapToLong(Long::longValue).sum() == claimsBefore);
            assertThat(copiesOf(rows)).as("each e-mail once").containsOnlyKeys(messageIds(rows))
                    .allSatisfy((id, copies) -> assertThat(copies).isEqualTo(1));
        } finally {
            jdbc.sql("drop trigger refuse_sent on notification").update();
        }
    }

    @Test
    void theNotifiersSessionsEndAnOpenTransactionLeftIdle() {
        assertThat(jdbc.sql("show idle_in_transaction_session_timeout").query(String.class).single()).isEqualTo("5min");
    }

    /**
     * Transactions holding the send log's row-share lock, which only a claim ({@code FOR UPDATE}) takes and its batch
     * keeps until it ends.
     */
    private static int openDispatchTransactions() {
        return jdbc.sql("""
                        select count(distinct pid) from pg_locks
                        where relation = 'notification'::regclass and mode = 'RowShareLock'
                        """).query(Integer.class).single();
    }

    private static ConditionFactory eventually() {
        // GreenMail's handler threads die of the connections the proxy cuts: not this test's failure.
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).dontCatchUncaughtExceptions();
    }

    /** {@code count} e-mails due now, committed at once, as a backlog is after an outage or a burst. */
    private static List<Row> backlog(int count) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID shareId = UUID.randomUUID();
            rows.add(new Row(UUID.randomUUID(), shareId, "batch-" + i + "-" + shareId + "@example.com",
                    "<share-" + shareId + "-0@shareflow>"));
        }
        transactions.executeWithoutResult(tx -> {
            for (Row row : rows) {
                jdbc.sql("""
                                insert into notification (event_id, share_id, resend, message_id, recipient_email,
                                                          invitation, link_sealed, state)
                                values (:eventId, :shareId, 0, :messageId, :recipient,
                                        '{"sharerName": "Ada", "sharerEmail": "ada@example.com", "resourceName": "r",
                                          "resourceKind": "file", "role": "viewer"}', :sealed, 'PENDING')
                                """)
                        .param("eventId", row.eventId()).param("shareId", row.shareId())
                        .param("messageId", row.messageId()).param("recipient", row.recipient())
                        .param("sealed", TestInfrastructure.SEAL_KEYS.seal("http://localhost:8080/s/" + UUID.randomUUID(),
                                row.shareId().toString()))
                        .update();
            }
        });
        return rows;
    }

    /** Copies received per Message-ID, of these rows' e-mails. */
    private static Map<String, Long> copiesOf(List<Row> rows) {
        Set<String> ids = messageIds(rows);
        return MAIL.messages().stream().map(CapturedMessage::messageId).filter(ids::contains)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static String failedReason(Row row) {
        return jdbc.sql("select last_error from notification where event_id = :id and state = 'FAILED'")
                .param("id", row.eventId()).query(String.class).optional().orElse(null);
    }

    private static long sent(List<Row> rows) {
        return jdbc.sql("select count(*) from notification where event_id in (:ids) and state = 'SENT'")
                .param("ids", eventIds(rows)).query(Long.class).single();
    }

    /** Rows whose attempt is on record (committed): sent, or waiting for a retry. */
    private static long recorded(List<Row> rows) {
        return jdbc.sql("select count(*) from notification where event_id in (:ids) and attempts > 0")
                .param("ids", eventIds(rows)).query(Long.class).single();
    }

    private static List<Integer> attempts(List<Row> rows) {
        return jdbc.sql("select attempts from notification where event_id in (:ids)")
                .param("ids", eventIds(rows)).query(Integer.class).list();
    }

    /** NotificationSent events in the outbox, per share. */
    private static List<Long> reportsSent(List<Row> rows) {
        return rows.stream().map(row -> jdbc.sql(
                        "select count(*) from outbox_event where aggregateid = :id and type = 'NotificationSent'")
                .param("id", row.shareId().toString()).query(Long.class).single()).toList();
    }

    private static Set<String> messageIds(List<Row> rows) {
        return rows.stream().map(Row::messageId).collect(Collectors.toSet());
    }

    private static List<UUID> eventIds(List<Row> rows) {
        return rows.stream().map(Row::eventId).toList();
    }

    private record Row(UUID eventId, UUID shareId, String recipient, String messageId) {
    }
}
