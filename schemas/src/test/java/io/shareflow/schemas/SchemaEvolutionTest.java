package io.shareflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shareflow.events.ShareRequested;
import java.io.IOException;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a compatible change means on the wire: with a hypothetical next ShareRequested (the current
 * version plus an optional {@code recipientLocale}, called "next" here), an upgraded consumer reads
 * current data and a not-yet-upgraded consumer reads "next" data, as long as that schema is kept in the
 * jar it runs with.
 *
 * <p>The test schema is the current version plus one field; when ShareRequested gets a new version,
 * base it on that.
 */
class SchemaEvolutionTest {

    private static Schema next;
    // Generic records with the same logical-type conversions as the generated classes.
    private static final GenericData GENERIC = new GenericData();

    @BeforeAll
    static void loadNext() throws IOException {
        next = new Schema.Parser().parse(SchemaEvolutionTest.class.getResourceAsStream("/evolution/ShareRequested-v4-optional-field.avsc"));
        GENERIC.addLogicalTypeConversion(new Conversions.UUIDConversion());
        GENERIC.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    }

    @Test
    void aConsumerOnTheNextVersionReadsWhatTheCurrentOneWrote() throws IOException {
        ShareRequested written = EventFixtures.shareRequested();
        byte[] bytes = AvroEventSerializer.encode(written);
        BinaryMessageDecoder<GenericRecord> nextReader = new BinaryMessageDecoder<>(GENERIC, next, SchemaVersions.kept().with(next));

        GenericRecord read = nextReader.decode(bytes);

        assertThat(read.getSchema()).isEqualTo(next);
        assertThat(read.get("recipientLocale")).as("the default of the new field").isNull();
        for (Schema.Field field : ShareRequested.SCHEMA$.getFields()) {
            assertThat(String.valueOf(read.get(field.name()))).as(field.name())
                    .isEqualTo(String.valueOf(written.get(field.pos())));
        }
    }

    @Test
    void aConsumerOnTheCurrentVersionReadsWhatTheNextOneWroteIntoTheCurrentClass() throws IOException {
        ShareRequested expected = EventFixtures.shareRequested();
        byte[] bytes = new BinaryMessageEncoder<GenericRecord>(GENERIC, next).encode(asNext(expected, "de-CH")).array();

        SpecificRecord read = new AvroEventDeserializer(SchemaVersions.kept().with(next)).deserialize(Topics.SHARE_EVENTS, bytes);

        assertThat(read).isInstanceOf(ShareRequested.class).isEqualTo(expected);
    }

    @Test
    void dataOfTheNextVersionIsRejectedUntilItIsKept() throws IOException {
        byte[] bytes = new BinaryMessageEncoder<GenericRecord>(GENERIC, next).encode(asNext(EventFixtures.shareRequested(), "fr")).array();

        assertThatThrownBy(() -> new AvroEventDeserializer().deserialize(Topics.SHARE_EVENTS, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Unknown schema fingerprint");
    }

    private static GenericRecord asNext(ShareRequested current, String recipientLocale) {
        GenericData.Record record = new GenericData.Record(next);
        for (Schema.Field field : ShareRequested.SCHEMA$.getFields()) {
            record.put(field.name(), current.get(field.pos()));
        }
        record.put("recipientLocale", recipientLocale);
        return record;
    }
}
