package io.shareflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Guards the rule "never change a schema without keeping it as a new version". */
class SchemaVersionsTest {

    private static final Path CURRENT_DIR = Path.of("src/main/avro");

    static List<Path> currentSchemaFiles() throws IOException {
        try (Stream<Path> files = Files.list(CURRENT_DIR)) {
            return files.filter(f -> f.toString().endsWith(".avsc")).sorted().toList();
        }
    }

    static Schema parse(Path file) throws IOException {
        return new Schema.Parser().parse(file.toFile());
    }

    @Test
    void keepsAVersionOfEveryCurrentSchemaAndNothingElse() throws IOException {
        List<String> current = currentSchemaFiles().stream().map(f -> "io.shareflow.events." + f.getFileName().toString().replace(".avsc", "")).toList();
        List<String> kept = SchemaVersions.kept().all().stream().map(Schema::getFullName).distinct().toList();

        assertThat(current).hasSize(14);
        assertThat(kept).containsExactlyInAnyOrderElementsOf(current);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currentSchemaFiles")
    void currentSchemaEqualsItsHighestKeptVersion(Path file) throws IOException {
        Schema current = parse(file);
        List<Schema> versions = SchemaVersions.kept().versionsOf(current.getFullName());

        assertThat(versions).as("kept versions of %s", current.getFullName()).isNotEmpty();
        // Schema.equals covers types, logical types and defaults (not docs): any change to those
        // needs a new vN.avsc.
        assertThat(current)
                .as("%s differs from its highest kept version: add versions/%s/v%d.avsc and a line in index.txt",
                        file, current.getName(), versions.size() + 1)
                .isEqualTo(versions.get(versions.size() - 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currentSchemaFiles")
    void generatedClassWritesTheHighestKeptVersion(Path file) throws IOException {
        Schema current = parse(file);
        Class<?> generated = SpecificData.get().getClass(current);
        List<Schema> versions = SchemaVersions.kept().versionsOf(current.getFullName());

        assertThat(generated).as("generated class of %s", current.getFullName()).isNotNull();
        assertThat(SchemaNormalization.parsingFingerprint64(SpecificData.get().getSchema(generated)))
                .as("fingerprint of %s's schema vs its highest kept version", generated.getName())
                .isEqualTo(SchemaNormalization.parsingFingerprint64(versions.get(versions.size() - 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currentSchemaFiles")
    void everyRecordAndFieldIsDocumentedAndOptionalsDefaultToNull(Path file) throws IOException {
        Schema schema = parse(file);

        assertThat(schema.getNamespace()).isEqualTo("io.shareflow.events");
        assertThat(schema.getDoc()).as("doc of %s", schema.getName()).isNotBlank();
        assertThat(schema.getFields()).extracting(Schema.Field::name).startsWith("eventId", "occurredAt");
        assertThat(schema.getField("eventId").schema().getLogicalType().getName()).isEqualTo("uuid");
        assertThat(schema.getField("occurredAt").schema().getLogicalType().getName()).isEqualTo("timestamp-millis");
        for (Schema.Field field : schema.getFields()) {
            assertThat(field.doc()).as("doc of %s.%s", schema.getName(), field.name()).isNotBlank();
            assertThat(field.schema().getType()).as("%s.%s: use strings, not enums", schema.getName(), field.name())
                    .isNotEqualTo(Schema.Type.ENUM);
            if (field.schema().isUnion()) {
                assertThat(field.schema().getTypes().get(0).getType()).as("%s.%s: null first", schema.getName(), field.name())
                        .isEqualTo(Schema.Type.NULL);
                assertThat(field.defaultVal()).as("%s.%s: default null", schema.getName(), field.name())
                        .isEqualTo(JsonProperties.NULL_VALUE);
            }
        }
    }

    @Test
    void findsVersionsByFingerprintAndName() {
        SchemaVersions kept = SchemaVersions.kept();
        Schema v1 = kept.versionsOf("io.shareflow.events.ShareRequested").get(0);
        long fingerprint = SchemaNormalization.parsingFingerprint64(v1);

        assertThat(kept.byFingerprint(fingerprint)).contains(v1);
        assertThat(kept.findByFingerprint(fingerprint)).isSameAs(v1);
        assertThat(kept.byFingerprint(fingerprint + 1)).isEmpty();
        assertThat(kept.findByFingerprint(fingerprint + 1)).isNull();
        assertThat(kept.versionsOf("io.shareflow.events.Nope")).isEmpty();
        assertThat(kept).isSameAs(SchemaVersions.kept());
    }

    @Test
    void addsNewerVersionsWithoutChangingTheKeptOnes() throws IOException {
        Schema next = new Schema.Parser().parse(getClass().getResourceAsStream("/evolution/ShareRequested-v4-optional-field.avsc"));

        SchemaVersions withNext = SchemaVersions.kept().with(next);

        assertThat(withNext.versionsOf("io.shareflow.events.ShareRequested")).hasSize(4).last().isSameAs(next);
        assertThat(withNext.byFingerprint(SchemaNormalization.parsingFingerprint64(next))).contains(next);
        assertThat(withNext.all()).hasSize(SchemaVersions.kept().all().size() + 1);
        assertThat(SchemaVersions.kept().versionsOf("io.shareflow.events.ShareRequested")).hasSize(3);
    }
}
