package io.shareflow.schemas;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serializer writing events in Avro single-object encoding: {@code C3 01}, the 8-byte
 * little-endian CRC-64-AVRO fingerprint of the writer schema's Parsing Canonical Form, then the
 * Avro binary datum. The fingerprint lets any reader find the writer schema without a registry.
 *
 * <p>Only events whose schema is a kept version ({@link SchemaVersions#kept()}) are written, so
 * nothing reaches a topic that {@link AvroEventDeserializer} could not read. A null event is
 * serialized as null (a tombstone). Thread-safe.
 */
public final class AvroEventSerializer implements Serializer<SpecificRecord> {

    private static final Map<Schema, BinaryMessageEncoder<SpecificRecord>> ENCODERS = new ConcurrentHashMap<>();

    /**
     * Encodes an event, e.g. for the outbox's {@code payload} column.
     *
     * @param event an event of a generated class, not null
     * @return the single-object encoding, never null
     * @throws SerializationException if the schema is not a kept version or encoding fails
     */
    public static byte[] encode(SpecificRecord event) {
        Objects.requireNonNull(event, "event");
        BinaryMessageEncoder<SpecificRecord> encoder = encoderFor(event.getSchema());
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try {
            encoder.encode(event, out);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot encode " + event.getSchema().getFullName() + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /**
     * @return the single-object encoding of {@code event}, or null when {@code event} is null
     */
    @Override
    public byte[] serialize(String topic, SpecificRecord event) {
        return event == null ? null : encode(event);
    }

    private static BinaryMessageEncoder<SpecificRecord> encoderFor(Schema schema) {
        return ENCODERS.computeIfAbsent(schema, s -> {
            long fingerprint = SchemaNormalization.parsingFingerprint64(s);
            if (SchemaVersions.kept().byFingerprint(fingerprint).isEmpty()) {
                throw new SerializationException(String.format(
                        "Schema of %s (fingerprint 0x%016x) is not a kept version; add it under io/shareflow/schemas/versions",
                        s.getFullName(), fingerprint));
            }
            // The class's own model carries its logical-type conversions (UUID, Instant).
            return new BinaryMessageEncoder<>(SpecificData.getForSchema(s), s);
        });
    }
}
