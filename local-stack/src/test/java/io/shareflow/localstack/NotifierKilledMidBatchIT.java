package io.shareflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.shareflow.embedded.mail.CapturedMessage;
import io.shareflow.localstack.RestCalls.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The notifier's at-least-once delivery as an operator meets it: share-notifier's PROCESS is killed ({@code kill -9})
 * while shares flow and while its workers are half-way through their batches — e-mails the SMTP server accepted
 * whose send-log commit had not happened — and is started again. Every share still ends {@code ACTIVE} and every
 * e-mail arrives; the only repeats are e-mails that were in a batch when it died, each with the same Message-ID, at
 * most workers × batch size of them, re-sent within seconds of the restart. The stack is {@link SharedLocalStack
 * shared} with the other end-to-end ITs; the notifier runs with its defaults (4 workers, batches of 50).
 */
@ExtendWith(SharedLocalStack.class)
class NotifierKilledMidBatchIT {

    private static final int SHARES = 150;
    private static final int WORKERS = 4;
    private static final int BATCH_SIZE = 50;

    private static LocalStack stack;
    private static String alice;

    @BeforeAll
    static void useTheWholeSystem(LocalStack running) {
        stack = running;
        alice = stack.demo().aliceToken(stack.settings().jwtTokens());
    }

    @Test
    void killedMidBatchAndRestartedItSendsEveryEmailAndRepeatsOnlyWhatWasInDoubtWithTheSameMessageId() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        ServiceProcess notifier = stack.service("share-notifier");
        ConcurrentLinkedQueue<String> shareIds = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < SHARES; i++) {
            String recipient = "killed" + i + "." + run + "@example.com";
            calls.add(clients.submit(() -> {
                Response accepted = share(recipient);
                assertThat(accepted.status()).isEqualTo(202);
                shareIds.add(accepted.data().path("shares").get(0).path("shareId").asText());
            }));
        }

        // Kill it while a batch has e-mails out that it has not committed yet: received, but not SENT in the send log.
        Set<String> inDoubt = eventually().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(1)).until(() -> {
            Set<String> unrecorded = receivedMessageIds(run);
            if (unrecorded.size() < 10) {
                return Set.<String>of();
            }
            unrecorded.removeAll(sentMessageIds());
            if (!unrecorded.isEmpty()) {
                notifier.kill();
            }
            return unrecorded;
        }, unrecorded -> !unrecorded.isEmpty());
        // What the batches under way had sent when the process died, now that nothing can commit any more.
        Set<String> receivedAtKill = receivedMessageIds(run);
        Set<String> sentAtKill = sentMessageIds();
        Set<String> unrecordedAtKill = new HashSet<>(receivedAtKill);
        unrecordedAtKill.removeAll(sentAtKill);
        assertThat(unrecordedAtKill).as("e-mails out but not on record when the process died (%s just before)", inDoubt)
                .isNotEmpty().hasSizeLessThanOrEqualTo(WORKERS * BATCH_SIZE);

        notifier.start();
        notifier.awaitHealthy(Duration.ofMinutes(2));
        Instant healthy = Instant.now();
        for (Future<?> call : calls) {
            call.get(2, TimeUnit.MINUTES);
        }
        clients.shutdown();
        assertThat(shareIds).hasSize(SHARES);

        eventually().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> activeShares(shareIds) == SHARES);
        eventually().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            Map<String, Long> copies = copiesPerMessageId(run);
            assertThat(copies.keySet().stream().filter(id -> id.startsWith("<share-")).count())
                    .as("an invitation per share").isEqualTo(SHARES);
            assertThat(copies.keySet().stream().filter(id -> id.startsWith("<registration-")).count())
                    .as("a registration e-mail per new recipient").isEqualTo(SHARES);
        });

        Map<String, Long> copies = copiesPerMessageId(run);
        Set<String> repeated = copies.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertThat(copies.values()).as("at most one repeat of an e-mail").allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
        assertThat(unrecordedAtKill).as("what was in doubt is what was sent again").isEqualTo(repeated);
        for (String messageId : repeated) {
            Instant again = messages(run).stream().filter(m -> m.messageId().equals(messageId))
                    .map(CapturedMessage::receivedAt).max(Instant::compareTo).orElseThrow();
            assertThat(again).as("%s sent again within seconds of the restart", messageId)
                    .isBefore(healthy.plusSeconds(10));
        }
    }

    /** GreenMail's connection threads die of the connections the killed process leaves: not this test's failure. */
    private static org.awaitility.core.ConditionFactory eventually() {
        return await().dontCatchUncaughtExceptions();
    }

    private static Response share(String recipient) {
        return RestCalls.post(stack.settings().shareApiUrl() + "/v1/shares/" + stack.demo().maintenanceLogId(), alice,
                Map.of("recipientEmail", recipient, "message", "Here is the A320 log."));
    }

    private static List<CapturedMessage> messages(String run) {
        return stack.mail().messages().stream()
                .filter(m -> m.to().stream().anyMatch(to -> to.endsWith("." + run + "@example.com")))
                .toList();
    }

    private static Set<String> receivedMessageIds(String run) {
        return messages(run).stream().map(CapturedMessage::messageId).collect(Collectors.toCollection(HashSet::new));
    }

    private static Map<String, Long> copiesPerMessageId(String run) {
        return messages(run).stream().collect(Collectors.groupingBy(CapturedMessage::messageId, Collectors.counting()));
    }

    /** The Message-IDs the notifier has on record as sent (committed). */
    private static Set<String> sentMessageIds() throws Exception {
        try (Connection c = database("share_notifier").getConnection();
             PreparedStatement ps = c.prepareStatement("select message_id from notification where state = 'SENT'");
             ResultSet rs = ps.executeQuery()) {
            Set<String> ids = new HashSet<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        }
    }

    private static long activeShares(ConcurrentLinkedQueue<String> shareIds) throws Exception {
        try (Connection c = database("share_api").getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select count(*) from share where id = any(?) and status = 'ACTIVE'")) {
            Array ids = c.createArrayOf("uuid", shareIds.stream().map(UUID::fromString).toArray());
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static DataSource database(String name) {
        return stack.postgres().dataSource(name);
    }
}
