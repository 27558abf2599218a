package io.shareflow.schemas;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.SchemaStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every released version of every event schema, as kept in this jar under
 * {@code io/shareflow/schemas/versions/<Event>/v<N>.avsc} and listed in
 * {@code io/shareflow/schemas/versions/index.txt}.
 *
 * <p>The index file exists because a jar cannot be listed reliably; the classpath is only ever
 * asked for named resources. Versions of one event must be listed in order {@code v1, v2, ...}.
 *
 * <p>Instances are immutable and thread-safe. As a {@link SchemaStore} it resolves the writer
 * schema of a single-object-encoded message by its CRC-64-AVRO fingerprint.
 */
public final class SchemaVersions implements SchemaStore {

    private static final Logger log = LoggerFactory.getLogger(SchemaVersions.class);
    private static final String EVENTS_NAMESPACE = "io.shareflow.events";
    private static final String INDEX = "versions/index.txt";
    private static final Pattern VERSION_PATH = Pattern.compile("([A-Za-z][A-Za-z0-9]*)/v([1-9][0-9]*)\\.avsc");

    private final List<Schema> all;
    private final Map<String, List<Schema>> byName;
    private final Map<Long, Schema> byFingerprint;

    private SchemaVersions(List<Schema> schemas) {
        Map<String, List<Schema>> names = new LinkedHashMap<>();
        Map<Long, Schema> fingerprints = new HashMap<>();
        for (Schema schema : schemas) {
            names.computeIfAbsent(schema.getFullName(), n -> new ArrayList<>()).add(schema);
            // Two versions with the same canonical form (only docs or defaults differ) are the
            // same writer schema on the wire; either resolves the message.
            fingerprints.putIfAbsent(SchemaNormalization.parsingFingerprint64(schema), schema);
        }
        names.replaceAll((name, versions) -> List.copyOf(versions));
        this.all = List.copyOf(schemas);
        this.byName = Collections.unmodifiableMap(names);
        this.byFingerprint = Map.copyOf(fingerprints);
    }

    /**
     * The versions kept in this jar, loaded once.
     *
     * @return the shared instance, never null
     * @throws IllegalStateException if the index or a schema file is missing or invalid
     */
    public static SchemaVersions kept() {
        return Kept.INSTANCE;
    }

    /**
     * The kept versions plus hypothetical newer ones, e.g. to test that a future version can be
     * read. Each extra schema is appended as the newest version of its event.
     *
     * @param newerVersions schemas to add, not null
     * @return a new instance, never null
     */
    public SchemaVersions with(Schema... newerVersions) {
        return with(Arrays.asList(newerVersions));
    }

    /**
     * Same as {@link #with(Schema...)}.
     *
     * @param newerVersions schemas to add, not null, no null elements
     * @return a new instance, never null
     */
    public SchemaVersions with(Collection<Schema> newerVersions) {
        List<Schema> schemas = new ArrayList<>(all);
        newerVersions.forEach(schema -> schemas.add(Objects.requireNonNull(schema, "schema")));
        return new SchemaVersions(schemas);
    }

    /**
     * Every version of every event, in index order (then any added by {@link #with}); within
     * one event, oldest first.
     *
     * @return an unmodifiable list, never null
     */
    public List<Schema> all() {
        return all;
    }

    /**
     * Finds a version by the CRC-64-AVRO fingerprint of its Parsing Canonical Form, as written in
     * a single-object-encoded message header.
     *
     * @param crc64Avro the fingerprint
     * @return the schema, or empty when no kept version has this fingerprint
     */
    public Optional<Schema> byFingerprint(long crc64Avro) {
        return Optional.ofNullable(byFingerprint.get(crc64Avro));
    }

    /**
     * The versions of one event.
     *
     * @param fullName the record's full name, e.g. {@code io.shareflow.events.ShareRequested}
     * @return an unmodifiable list, oldest first; empty (never null) when the event is unknown
     */
    public List<Schema> versionsOf(String fullName) {
        return byName.getOrDefault(fullName, List.of());
    }

    /**
     * {@link SchemaStore} view of {@link #byFingerprint(long)}.
     *
     * @return the schema, or null when unknown (as {@link SchemaStore} requires)
     */
    @Override
    public Schema findByFingerprint(long fingerprint) {
        return byFingerprint.get(fingerprint);
    }

    private static SchemaVersions load() {
        List<Schema> schemas = new ArrayList<>();
        Map<String, Integer> lastVersion = new HashMap<>();
        for (String path : readLines(INDEX)) {
            Matcher m = VERSION_PATH.matcher(path);
            if (!m.matches()) {
                throw new IllegalStateException(INDEX + ": not <Event>/v<N>.avsc: " + path);
            }
            String event = m.group(1);
            int version = Integer.parseInt(m.group(2));
            int expected = lastVersion.getOrDefault(event, 0) + 1;
            if (version != expected) {
                throw new IllegalStateException(INDEX + ": expected " + event + "/v" + expected + ".avsc before " + path);
            }
            lastVersion.put(event, version);
            Schema schema = parse("versions/" + path);
            if (!schema.getFullName().equals(EVENTS_NAMESPACE + "." + event)) {
                throw new IllegalStateException(path + " defines " + schema.getFullName() + ", expected " + EVENTS_NAMESPACE + "." + event);
            }
            schemas.add(schema);
        }
        log.debug("Loaded {} schema versions of {} events", schemas.size(), lastVersion.size());
        return new SchemaVersions(schemas);
    }

    private static List<String> readLines(String resource) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(resource), StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static Schema parse(String resource) {
        // A fresh parser per file: versions of the same event share a full name, which one parser rejects.
        try (InputStream in = open(resource)) {
            return new Schema.Parser().parse(in);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Cannot parse schema " + resource + ": " + e.getMessage(), e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = SchemaVersions.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing classpath resource io/shareflow/schemas/" + resource);
        }
        return in;
    }

    private static final class Kept {
        static final SchemaVersions INSTANCE = load();
    }
}
