package io.shareflow.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.shareflow.events.ShareRequested;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class PoisonMessageIT extends NotifierIntegrationSupport {

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndTheNextOneIsStillProcessed() {
        String poisonKey = UUID.randomUUID().toString();
        ShareRequested next = aShare();

        TestInfrastructure.kafka().sendRaw(TestInfrastructure.SHARE_EVENTS, 0, poisonKey,
                "not an Avro event".getBytes(StandardCharsets.UTF_8));
        publishInOrder(next, next.getShareId());

        eventually().until(() -> !sentFor(next.getShareId()).isEmpty());
        assertThat(mailTo(next.getRecipientEmail())).hasSize(1);
        eventually().until(() -> TestInfrastructure.received(TestInfrastructure.DEAD_LETTERS).stream()
                .anyMatch(r -> poisonKey.equals(r.key())));
        ConsumerRecord<String, byte[]> dead = TestInfrastructure.received(TestInfrastructure.DEAD_LETTERS).stream()
                .filter(r -> poisonKey.equals(r.key())).findFirst().orElseThrow();
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not an Avro event");
        assertThat(dead.headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
    }
}
