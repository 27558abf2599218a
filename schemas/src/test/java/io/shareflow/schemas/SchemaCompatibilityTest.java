package io.shareflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;

/**
 * Full transitive compatibility: every kept version of an event can read data written with every
 * other version, older or newer, so producers and consumers can be upgraded in any order.
 */
class SchemaCompatibilityTest {

    @Test
    void everyKeptVersionIsFullyCompatibleWithEveryEarlierOne() {
        assertThat(incompatibilities(SchemaVersions.kept())).isEmpty();
    }

    @Test
    void anOptionalFieldWithADefaultIsCompatible() throws IOException {
        SchemaVersions withNext = SchemaVersions.kept().with(testSchema("ShareRequested-v4-optional-field.avsc"));

        assertThat(incompatibilities(withNext)).isEmpty();
    }

    @Test
    void detectsARequiredFieldWithoutADefault() throws IOException {
        SchemaVersions withNext = SchemaVersions.kept().with(testSchema("ShareRequested-v4-required-field.avsc"));

        // Full transitive: the new version must read every kept one, so it fails against each of them.
        assertThat(incompatibilities(withNext)).hasSize(3)
                .allSatisfy(problem -> assertThat(problem).contains("recipientLocale"))
                .anySatisfy(problem -> assertThat(problem).contains("io.shareflow.events.ShareRequested v4 cannot read v1"))
                .anySatisfy(problem -> assertThat(problem).contains("io.shareflow.events.ShareRequested v4 cannot read v2"))
                .anySatisfy(problem -> assertThat(problem).contains("io.shareflow.events.ShareRequested v4 cannot read v3"));
    }

    /** One line per (reader, writer) pair of versions of the same event that do not resolve. */
    static List<String> incompatibilities(SchemaVersions versions) {
        List<String> problems = new ArrayList<>();
        versions.all().stream().map(Schema::getFullName).distinct().forEach(name -> {
            List<Schema> history = versions.versionsOf(name);
            for (int newer = 1; newer < history.size(); newer++) {
                for (int older = 0; older < newer; older++) {
                    check(name, history, newer, older, problems);
                    check(name, history, older, newer, problems);
                }
            }
        });
        return problems;
    }

    private static void check(String name, List<Schema> history, int reader, int writer, List<String> problems) {
        var result = SchemaCompatibility.checkReaderWriterCompatibility(history.get(reader), history.get(writer));
        if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
            problems.add(String.format("%s v%d cannot read v%d: %s", name, reader + 1, writer + 1,
                    result.getResult().getIncompatibilities()));
        }
    }

    private static Schema testSchema(String file) throws IOException {
        return new Schema.Parser().parse(SchemaCompatibilityTest.class.getResourceAsStream("/evolution/" + file));
    }
}
