package io.shareflow.schemas;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * CloudEvents Kafka binary-binding headers for an event: {@code ce_id} (eventId),
 * {@code ce_type} (the record's full name), {@code ce_source}, {@code ce_time} (occurredAt),
 * {@code ce_specversion} ({@code 1.0}) and {@code content-type} ({@value #CONTENT_TYPE}).
 * The record value stays the single-object-encoded Avro datum.
 *
 * <p>The headers are produced by the CloudEvents SDK's Kafka binding, so their names and
 * formats follow the specification rather than our reading of it.
 */
public final class CloudEventHeaders {

    /** The {@code content-type} of every event value. */
    public static final String CONTENT_TYPE = "application/avro";

    // The SDK builds a whole ProducerRecord; only its headers are kept, so the topic is irrelevant.
    private static final String UNUSED_TOPIC = "cloudevents-headers";

    private CloudEventHeaders() {
    }

    /**
     * The CloudEvents headers of an event.
     *
     * @param event an event with top-level {@code eventId} and {@code occurredAt} fields, not null
     * @param source the producing service as a URI reference, e.g. {@code /shareflow/share-api}, not null
     * @return header name to value, in a stable order, never null
     * @throws IllegalArgumentException if the event lacks eventId/occurredAt or source is not a URI
     */
    public static Map<String, String> of(SpecificRecord event, String source) {
        Objects.requireNonNull(source, "source");
        CloudEvent cloudEvent = CloudEventBuilder.v1()
                .withId(eventId(event))
                .withType(event.getSchema().getFullName())
                .withSource(URI.create(source))
                .withTime(occurredAt(event).atOffset(ZoneOffset.UTC))
                .withDataContentType(CONTENT_TYPE)
                .build();
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : KafkaMessageFactory.createWriter(UNUSED_TOPIC).writeBinary(cloudEvent).headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    /**
     * The {@code eventId} of an event.
     *
     * @param event an event, not null
     * @return the event id as a string, never null
     * @throws IllegalArgumentException if the event has no non-null {@code eventId} field
     */
    public static String eventId(SpecificRecord event) {
        return field(event, "eventId").toString();
    }

    /**
     * The {@code occurredAt} of an event.
     *
     * @param event an event, not null
     * @return the time the event occurred, never null
     * @throws IllegalArgumentException if the event has no non-null {@code occurredAt} field
     */
    public static Instant occurredAt(SpecificRecord event) {
        Object value = field(event, "occurredAt");
        // Generated classes convert timestamp-millis to Instant; a record built without conversions holds the raw long.
        return value instanceof Long millis ? Instant.ofEpochMilli(millis) : (Instant) value;
    }

    /**
     * Reads a header back as text, e.g. {@code header(record.headers(), "ce_type")}.
     *
     * @param headers Kafka headers, not null
     * @param name header name, not null
     * @return the UTF-8 value of the last header with that name; empty if absent or null-valued
     */
    public static Optional<String> header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static Object field(SpecificRecord event, String name) {
        Schema.Field field = Objects.requireNonNull(event, "event").getSchema().getField(name);
        Object value = field == null ? null : event.get(field.pos());
        if (value == null) {
            throw new IllegalArgumentException(event.getSchema().getFullName() + " has no " + name);
        }
        return value;
    }
}
