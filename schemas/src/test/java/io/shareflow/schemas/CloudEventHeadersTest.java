package io.shareflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class CloudEventHeadersTest {

    @Test
    void buildsTheBinaryBindingHeaders() {
        Map<String, String> headers = CloudEventHeaders.of(EventFixtures.shareRequested(), "/shareflow/share-api");

        assertThat(headers).containsOnly(
                entry("ce_id", EventFixtures.EVENT_ID.toString()),
                entry("ce_type", "io.shareflow.events.ShareRequested"),
                entry("ce_source", "/shareflow/share-api"),
                entry("ce_time", "2026-05-01T10:15:30.123Z"),
                entry("ce_specversion", "1.0"),
                entry("content-type", "application/avro"));
    }

    @Test
    void timeIsIso8601UtcForWholeSecondsToo() {
        var event = EventFixtures.userActivated();
        event.setOccurredAt(Instant.parse("2027-01-31T00:00:00Z"));

        String time = CloudEventHeaders.of(event, "/shareflow/user-provisioner").get("ce_time");

        assertThat(Instant.parse(time)).isEqualTo(Instant.parse("2027-01-31T00:00:00Z"));
        assertThat(time).endsWith("Z");
    }

    @Test
    void aCloudEventsReaderUnderstandsThem() {
        var event = EventFixtures.notificationFailed();
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.of(event, "/shareflow/share-notifier")
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        byte[] payload = AvroEventSerializer.encode(event);

        CloudEvent read = KafkaMessageFactory.createReader(headers, payload).toEvent();

        assertThat(read.getId()).isEqualTo(event.getEventId().toString());
        assertThat(read.getType()).isEqualTo("io.shareflow.events.NotificationFailed");
        assertThat(read.getSource()).isEqualTo(URI.create("/shareflow/share-notifier"));
        assertThat(read.getTime().toInstant()).isEqualTo(event.getOccurredAt());
        assertThat(read.getDataContentType()).isEqualTo("application/avro");
        assertThat(read.getData().toBytes()).isEqualTo(payload);
        assertThat(AvroEventDeserializer.decode(read.getData().toBytes())).isEqualTo(event);
    }

    @Test
    void readsEventIdAndOccurredAtOfAnyEvent() {
        for (var event : EventFixtures.all()) {
            assertThat(CloudEventHeaders.eventId(event)).isEqualTo(EventFixtures.EVENT_ID.toString());
            assertThat(CloudEventHeaders.occurredAt(event)).isEqualTo(EventFixtures.OCCURRED_AT);
        }
    }

    @Test
    void refusesARecordWithoutEventIdOrABadSource() {
        var notAnEvent = new TestRecord(SchemaBuilder.record("Thing").fields().requiredString("id").endRecord(), "x");

        assertThatThrownBy(() -> CloudEventHeaders.eventId(notAnEvent))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eventId");
        assertThatThrownBy(() -> CloudEventHeaders.of(EventFixtures.shareRevoked(), "not a uri"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsHeadersBack() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_type", "old".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", "io.shareflow.events.ShareRevoked".getBytes(StandardCharsets.UTF_8));
        headers.add("empty", null);

        assertThat(CloudEventHeaders.header(headers, "ce_type")).contains("io.shareflow.events.ShareRevoked");
        assertThat(CloudEventHeaders.header(headers, "empty")).isEmpty();
        assertThat(CloudEventHeaders.header(headers, "missing")).isEmpty();
    }
}
