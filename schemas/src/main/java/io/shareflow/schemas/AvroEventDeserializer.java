package io.shareflow.schemas;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer for events in Avro single-object encoding (see {@link AvroEventSerializer}).
 *
 * <p>The writer schema is found by the fingerprint in the header among all kept versions
 * ({@link SchemaVersions}); the datum is then resolved into the generated class of the same full
 * name, so a consumer reads older and newer versions of an event as the version it was built with.
 *
 * <p>Anything unreadable (bad header, unknown fingerprint, corrupt or truncated body) throws
 * {@link SerializationException}, which spring-kafka's {@code ErrorHandlingDeserializer} turns
 * into a record for the dead-letter topic. Null data deserializes to null. Thread-safe.
 *
 * <p>Use as {@code value.deserializer=io.shareflow.schemas.AvroEventDeserializer}.
 */
public final class AvroEventDeserializer implements Deserializer<SpecificRecord> {

    private static final int HEADER_LENGTH = 10;
    private static final byte MAGIC_0 = (byte) 0xC3;
    private static final byte MAGIC_1 = (byte) 0x01;
    // The generated classes live in this jar: find them with its class loader, not a context one.
    private static final SpecificData GENERATED = new SpecificData(AvroEventDeserializer.class.getClassLoader());

    private final SchemaVersions versions;
    private final Map<String, BinaryMessageDecoder<SpecificRecord>> decodersByReader = new ConcurrentHashMap<>();

    /** Reads the versions kept in this jar; the constructor Kafka uses. */
    public AvroEventDeserializer() {
        this(SchemaVersions.kept());
    }

    /**
     * Reads the given versions, e.g. the kept ones plus a hypothetical newer one in a test.
     *
     * @param versions the writer schemas to accept, not null
     */
    public AvroEventDeserializer(SchemaVersions versions) {
        this.versions = Objects.requireNonNull(versions, "versions");
    }

    /**
     * Decodes with the versions kept in this jar, e.g. an outbox payload.
     *
     * @param data a single-object-encoded event, not null
     * @return an instance of the generated event class, never null
     * @throws SerializationException if the data cannot be read
     */
    public static SpecificRecord decode(byte[] data) {
        return Shared.INSTANCE.read(Objects.requireNonNull(data, "data"));
    }

    /**
     * @return the event, or null when {@code data} is null
     * @throws SerializationException if the data cannot be read
     */
    @Override
    public SpecificRecord deserialize(String topic, byte[] data) {
        return data == null ? null : read(data);
    }

    private SpecificRecord read(byte[] data) {
        if (data.length < HEADER_LENGTH || data[0] != MAGIC_0 || data[1] != MAGIC_1) {
            throw new SerializationException("Not Avro single-object encoding: expected header C3 01 and an 8-byte fingerprint, got "
                    + data.length + " bytes starting " + hexPrefix(data));
        }
        long fingerprint = ByteBuffer.wrap(data, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        Schema writer = versions.byFingerprint(fingerprint).orElseThrow(() -> new SerializationException(String.format(
                "Unknown schema fingerprint 0x%016x: not one of the %d kept schema versions (is this consumer's io.shareflow:schemas older than the producer's?)",
                fingerprint, versions.all().size())));
        BinaryMessageDecoder<SpecificRecord> decoder = decoderFor(writer);
        try {
            return decoder.decode(data);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(String.format("Cannot read %s (schema fingerprint 0x%016x) from %d bytes: %s",
                    writer.getFullName(), fingerprint, data.length, describe(e)), e);
        }
    }

    private BinaryMessageDecoder<SpecificRecord> decoderFor(Schema writer) {
        return decodersByReader.computeIfAbsent(writer.getFullName(), name -> {
            Class<?> generated = GENERATED.getClass(writer);
            if (generated == null || !SpecificRecord.class.isAssignableFrom(generated)) {
                throw new SerializationException("No generated class for event " + name + " on the classpath");
            }
            SpecificData model = SpecificData.getForClass(generated);
            // Reader = the generated class's schema; the store supplies any kept writer version.
            return new BinaryMessageDecoder<>(model, model.getSchema(generated), versions);
        });
    }

    // Avro wraps the telling error (EOFException, ...) in a generic "Decoding datum failed".
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.toString() : e + " caused by " + root;
    }

    private static String hexPrefix(byte[] data) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(data.length, HEADER_LENGTH); i++) {
            hex.append(String.format("%02X ", data[i]));
        }
        return hex.length() == 0 ? "(empty)" : hex.toString().trim();
    }

    private static final class Shared {
        static final AvroEventDeserializer INSTANCE = new AvroEventDeserializer();
    }
}
