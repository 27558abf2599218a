package io.shareflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shareflow.events.ShareRequested;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AvroEventSerdeTest {

    private final AvroEventSerializer serializer = new AvroEventSerializer();
    private final AvroEventDeserializer deserializer = new AvroEventDeserializer();

    static List<SpecificRecord> events() {
        return EventFixtures.all();
    }

    @Test
    void fixturesCoverEveryKeptEvent() {
        List<String> kept = SchemaVersions.kept().all().stream().map(Schema::getFullName).distinct().toList();
        List<String> fixtures = events().stream().map(e -> e.getSchema().getFullName()).toList();

        assertThat(fixtures).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(kept);
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("events")
    void roundTripsEveryEvent(SpecificRecord event) {
        byte[] bytes = serializer.serialize(Topics.SHARE_EVENTS, event);

        SpecificRecord read = deserializer.deserialize(Topics.SHARE_EVENTS, bytes);

        assertThat(read).isInstanceOf(event.getClass()).isEqualTo(event);
        assertThat(AvroEventDeserializer.decode(AvroEventSerializer.encode(event))).isEqualTo(event);
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("events")
    void writesSingleObjectHeaderWithTheSchemaFingerprint(SpecificRecord event) {
        byte[] bytes = AvroEventSerializer.encode(event);

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertThat(fingerprint).isEqualTo(SchemaNormalization.parsingFingerprint64(event.getSchema()));
        assertThat(SchemaVersions.kept().byFingerprint(fingerprint)).isPresent();
        assertThat(bytes.length).isGreaterThan(10);
    }

    @Test
    void roundTripsNullOptionalFields() {
        ShareRequested event = EventFixtures.shareRequestedWithoutOptionals();

        ShareRequested read = (ShareRequested) deserializer.deserialize("t", serializer.serialize("t", event));

        assertThat(read).isEqualTo(event);
        assertThat(read.getExpiresAt()).isNull();
        assertThat(read.getRecipientUserId()).isNull();
    }

    @Test
    void nullIsATombstoneBothWays() {
        assertThat(serializer.serialize("t", null)).isNull();
        assertThat(deserializer.deserialize("t", null)).isNull();
    }

    @Test
    void unknownFingerprintIsASerializationExceptionNamingItInHex() {
        byte[] bytes = AvroEventSerializer.encode(EventFixtures.shareRevoked());
        ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(0x0123456789ABCDEFL);

        assertThatThrownBy(() -> deserializer.deserialize("t", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Unknown schema fingerprint")
                .hasMessageContaining("0x0123456789abcdef");
    }

    @Test
    void truncatedBodyIsASerializationException() {
        byte[] bytes = AvroEventSerializer.encode(EventFixtures.shareRequested());
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 20);

        assertThatThrownBy(() -> deserializer.deserialize("t", truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("io.shareflow.events.ShareRequested")
                .hasMessageContaining(String.format("0x%016x", SchemaNormalization.parsingFingerprint64(ShareRequested.SCHEMA$)));
    }

    @Test
    void corruptBodyIsASerializationException() {
        byte[] bytes = AvroEventSerializer.encode(EventFixtures.shareRevoked());
        // After eventId's length byte, claim a string far longer than the message.
        bytes[10] = (byte) 0xFE;
        bytes[11] = (byte) 0xFF;
        bytes[12] = (byte) 0xFF;
        bytes[13] = (byte) 0x0F;

        assertThatThrownBy(() -> deserializer.deserialize("t", bytes)).isInstanceOf(SerializationException.class);
    }

    @Test
    void badHeaderIsASerializationException() {
        byte[] bytes = AvroEventSerializer.encode(EventFixtures.shareRevoked());
        bytes[0] = 0x00;

        assertThatThrownBy(() -> deserializer.deserialize("t", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Not Avro single-object encoding")
                .hasMessageContaining("00 01");
        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[0]))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("(empty)");
        assertThatThrownBy(() -> deserializer.deserialize("t", "{\"json\":true}".getBytes()))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void refusesToWriteASchemaThatIsNotKept() {
        Schema unreleased = SchemaBuilder.record("Unreleased").namespace("io.shareflow.events")
                .fields().requiredString("eventId").endRecord();

        assertThatThrownBy(() -> AvroEventSerializer.encode(new TestRecord(unreleased, "x")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("io.shareflow.events.Unreleased")
                .hasMessageContaining("not a kept version");
    }

    @Test
    void aKnownSchemaWithoutAGeneratedClassIsASerializationException() throws Exception {
        Schema future = SchemaBuilder.record("FutureEvent").namespace("io.shareflow.events")
                .fields().requiredString("eventId").endRecord();
        GenericData.Record record = new GenericData.Record(future);
        record.put("eventId", "x");
        byte[] bytes = new BinaryMessageEncoder<GenericData.Record>(GenericData.get(), future).encode(record).array();

        assertThatThrownBy(() -> new AvroEventDeserializer(SchemaVersions.kept().with(future)).deserialize("t", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("No generated class for event io.shareflow.events.FutureEvent");
    }

    @Test
    void decodesConcurrently() {
        List<SpecificRecord> events = events();
        List<byte[]> encoded = events.stream().map(AvroEventSerializer::encode).toList();

        List<SpecificRecord> decoded = IntStream.range(0, 2_000).parallel()
                .mapToObj(i -> deserializer.deserialize("t", encoded.get(i % encoded.size())))
                .toList();

        for (int i = 0; i < decoded.size(); i++) {
            assertThat(decoded.get(i)).isEqualTo(events.get(i % events.size()));
        }
    }
}
