package io.shareflow.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.shareflow.events.NotificationFailed;
import io.shareflow.events.ShareLinkCreated;
import io.shareflow.events.ShareRequested;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md "No share stuck": a valid share event whose handling fails for its own reasons (here a trigger refuses its
 * send-log rows) goes to {@code share.events.v1.dlt} after the bounded retries with the cause in headers, the partition
 * goes on, and its notifications are reported failed at once, with the cause, once per recipient.
 */
class DeadLetteredNotificationIT extends NotifierIntegrationSupport {

    @AfterEach
    void dropTheTrigger() {
        jdbc.sql("drop trigger if exists refuse_share on notification").update();
    }

    @Test
    void aShareRequestedWhoseHandlingAlwaysFailsIsDeadLetteredAndReportedFailedAndThePartitionGoesOn() {
        ShareRequested refused = aShare();
        ShareRequested next = aShare();
        refuseRowsOf(refused.getShareId());

        publishInOrder(refused, refused.getShareId());
        publishInOrder(next, next.getShareId());

        slowly().until(() -> !failedFor(refused.getShareId()).isEmpty() && !sentFor(next.getShareId()).isEmpty());
        NotificationFailed failed = failedFor(refused.getShareId()).get(0);
        assertThat(failed.getCausationEventId()).isEqualTo(refused.getEventId());
        assertThat(failed.getPermanent()).isTrue();
        assertThat(failed.getAttempts()).isZero();
        assertThat(failed.getRecipientEmail()).isEqualTo(refused.getRecipientEmail());
        assertThat(failed.getReason()).startsWith("Dead-lettered after the retries: ").contains("refused by the test");
        assertThat(mailTo(refused.getRecipientEmail())).isEmpty();
        assertThat(mailTo(next.getRecipientEmail())).hasSize(1);

        ConsumerRecord<String, byte[]> dead = deadLetterOf(refused.getShareId());
        assertThat(header(dead, "kafka_dlt-exception-stacktrace")).contains("refused by the test");
        assertThat(jdbc.sql("select count(*) from processed_event where consumer = 'share-notifier-dead-letters'"
                + " and event_id = :id").param("id", refused.getEventId()).query(Long.class).single()).isEqualTo(1);
        assertThat(failedFor(refused.getShareId())).as("reported once").hasSize(1);
    }

    @Test
    void aLinkWhoseHandlingAlwaysFailsIsReportedFailedForEachRecipient() {
        ShareLinkCreated refused = SealedEventFixtures.aSealedLink("ann@example.com", "Bob@example.com",
                "bob@example.com");
        refuseRowsOf(refused.getLinkId());

        publishInOrder(refused, refused.getLinkId());

        slowly().until(() -> failedFor(refused.getLinkId()).size() >= 2);
        assertThat(failedFor(refused.getLinkId())).extracting(NotificationFailed::getRecipientEmail)
                .as("one per address, case folded").containsExactly("ann@example.com", "Bob@example.com");
        assertThat(deadLetterOf(refused.getLinkId())).isNotNull();
    }

    private void refuseRowsOf(UUID shareId) {
        jdbc.sql("""
                create or replace function refuse_share() returns trigger language plpgsql as $$
                begin raise exception 'refused by the test'; end $$""").update();
        jdbc.sql("create trigger refuse_share before insert on notification for each row when (new.share_id = '"
                + shareId + "') execute function refuse_share()").update();
    }

    private static ConsumerRecord<String, byte[]> deadLetterOf(UUID shareId) {
        List<ConsumerRecord<String, byte[]>> dead = slowly().until(() -> TestInfrastructure
                .received(TestInfrastructure.DEAD_LETTERS).stream()
                .filter(r -> shareId.toString().equals(r.key())).toList(), found -> !found.isEmpty());
        return dead.get(0);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The bounded retries (6 deliveries over about 15.5 s by default) come first. */
    private static org.awaitility.core.ConditionFactory slowly() {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200));
    }
}
