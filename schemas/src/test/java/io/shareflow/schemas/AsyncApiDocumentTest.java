package io.shareflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The AsyncAPI document ({@code src/main/asyncapi/asyncapi.yaml}) against what it describes: the Avro schemas of
 * {@code src/main/avro}, {@link Topics}, {@link CloudEventHeaders} and the sealed fields.
 */
class AsyncApiDocumentTest {

    private static final Path DOCUMENT = Path.of("src/main/asyncapi/asyncapi.yaml");
    private static final Set<String> SERVICES = Set.of("share-api", "user-provisioner", "share-notifier");

    private final JsonNode doc = new YAMLMapper().readTree(DOCUMENT.toFile());

    @Test
    void isAnAsyncApi3DocumentWithItsRequiredFields() {
        assertThat(doc.path("asyncapi").asString()).matches("3\\.\\d+\\.\\d+");
        assertThat(doc.at("/info/title").asString()).isNotBlank();
        assertThat(doc.at("/info/version").asString()).isNotBlank();
        assertThat(doc.path("channels").propertyNames()).isNotEmpty();
        assertThat(doc.path("operations").propertyNames()).isNotEmpty();
        doc.path("channels").properties().forEach(channel ->
                assertThat(channel.getValue().path("address").asString()).as(channel.getKey()).isNotBlank());
        doc.path("operations").properties().forEach(operation -> {
            assertThat(operation.getValue().path("action").asString()).as(operation.getKey()).isIn("send", "receive");
            assertThat(operation.getValue().at("/channel/$ref").asString()).as(operation.getKey()).startsWith("#/channels/");
        });
    }

    @Test
    void everyTopicAndItsDeadLetterTopicIsAChannelAndNothingElseIs() throws IllegalAccessException {
        Set<String> expected = new TreeSet<>();
        for (String topic : topics()) {
            expected.add(topic);
            expected.add(Topics.deadLetter(topic));
        }
        Map<String, JsonNode> channels = channelsByAddress();
        assertThat(channels.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        channels.forEach((address, channel) -> {
            JsonNode kafka = resolve(channel.path("bindings")).path("kafka");
            List<String> policy = texts(kafka.at("/topicConfiguration/cleanup.policy"));
            assertThat(policy).as(address).containsExactly(address.equals(Topics.USER_DIRECTORY) ? "compact" : "delete");
        });
    }

    @Test
    void everyAvroEventIsAMessageWhoseSchemaRefResolvesToThatAvsc() throws IOException {
        Set<String> avroMessages = new TreeSet<>();
        for (Map.Entry<String, JsonNode> message : doc.at("/components/messages").properties()) {
            JsonNode payload = message.getValue().path("payload");
            if (!payload.has("schemaFormat")) {
                continue;
            }
            String name = message.getKey();
            avroMessages.add(name);
            assertThat(payload.path("schemaFormat").asString()).as(name).startsWith("application/vnd.apache.avro");
            Path avsc = DOCUMENT.getParent().resolve(payload.at("/schema/$ref").asString()).normalize();
            assertThat(avsc).as(name).isRegularFile();
            Schema schema = new Schema.Parser().parse(avsc.toFile());
            assertThat(schema.getFullName()).as(name).isEqualTo("io.shareflow.events." + name);
            assertThat(headerConst(message.getValue(), "ce_type")).as(name).isEqualTo(schema.getFullName());
        }
        assertThat(avroMessages).as("every schema of src/main/avro").containsExactlyInAnyOrderElementsOf(currentSchemaNames());
        assertThat(EventFixtures.all().stream().map(EventTypes::typeOf)).allMatch(avroMessages::contains);
    }

    @Test
    void everyEventIsOnOneChannelSentByOneServiceAndOperationsOnlyNameTheirChannelsMessages() throws IOException {
        Map<String, Set<String>> sentBy = new TreeMap<>();
        Map<String, Set<String>> channelsOf = new TreeMap<>();
        doc.path("channels").properties().forEach(channel -> channel.getValue().path("messages").values()
                .forEach(m -> channelsOf.computeIfAbsent(messageName(m), k -> new TreeSet<>()).add(channel.getKey())));
        for (Map.Entry<String, JsonNode> entry : doc.path("operations").properties()) {
            JsonNode operation = entry.getValue();
            List<String> tags = operation.path("tags").values().stream().map(t -> t.path("name").asString()).toList();
            assertThat(tags).as(entry.getKey()).hasSize(1).allMatch(SERVICES::contains);
            String channelRef = operation.at("/channel/$ref").asString();
            assertThat(operation.path("messages").values()).as(entry.getKey()).isNotEmpty().allSatisfy(m ->
                    assertThat(m.path("$ref").asString()).as(entry.getKey()).startsWith(channelRef + "/messages/"));
            if (operation.path("action").asString().equals("send")) {
                operation.path("messages").values().forEach(m ->
                        sentBy.computeIfAbsent(messageName(m), k -> new TreeSet<>()).add(tags.get(0)));
            } else {
                assertThat(resolve(operation.path("bindings")).at("/kafka/groupId/const").asString())
                        .as(entry.getKey() + " consumer group").isEqualTo(tags.get(0));
            }
        }
        for (String event : currentSchemaNames()) {
            assertThat(channelsOf.get(event)).as(event + " on a channel").hasSize(1);
            assertThat(sentBy.get(event)).as(event + " sent by one service").hasSize(1);
        }
    }

    @Test
    void theKeyOfEveryEventIsAUuidFieldDocumentedAsTheRecordKey() throws IOException {
        for (String event : currentSchemaNames()) {
            JsonNode message = doc.at("/components/messages/" + event);
            assertThat(message.at("/bindings/kafka/key/type").asString()).as(event).isEqualTo("string");
            assertThat(message.at("/bindings/kafka/key/format").asString()).as(event).isEqualTo("uuid");
            Schema.Field field = schemaOf(event).getField(message.path("x-key-field").asString());
            assertThat(field).as(event + " x-key-field").isNotNull();
            assertThat(field.schema().getType()).as(event).isEqualTo(Schema.Type.STRING);
            assertThat(field.schema().getLogicalType().getName()).as(event).isEqualTo("uuid");
            assertThat(field.doc()).as(event + "." + field.name()).contains("Kafka record key");
        }
    }

    @Test
    void theSealedFieldsNamedAreSealedBytesAndEverySealedFieldIsNamed() throws IOException {
        Map<String, Set<String>> named = new TreeMap<>();
        for (String event : currentSchemaNames()) {
            Schema schema = schemaOf(event);
            String producer = producerOf(event);
            for (JsonNode sealed : doc.at("/components/messages/" + event + "/x-sealed-fields").values()) {
                String name = sealed.path("field").asString();
                Schema.Field field = schema.getField(name);
                assertThat(field).as(event + "." + name).isNotNull();
                assertThat(name).startsWith("sealed");
                assertThat(isBytesOrOptionalBytes(field.schema())).as(event + "." + name + " is bytes").isTrue();
                assertThat(field.doc()).as(event + "." + name).containsIgnoringCase("sealed");
                assertThat(texts(sealed.path("keyHolders"))).as(event + "." + name)
                        .containsExactlyInAnyOrder(producer, "share-notifier");
                named.computeIfAbsent(event, k -> new TreeSet<>()).add(name);
            }
        }
        Map<String, Set<String>> inSchemas = new TreeMap<>();
        for (String event : currentSchemaNames()) {
            schemaOf(event).getFields().stream().filter(f -> f.name().startsWith("sealed"))
                    .forEach(f -> inSchemas.computeIfAbsent(event, k -> new TreeSet<>()).add(f.name()));
        }
        assertThat(named).isEqualTo(inSchemas).isNotEmpty();
    }

    @Test
    void theEventHeadersAreTheCloudEventHeadersPlusTraceparent() {
        JsonNode headers = doc.at("/components/schemas/EventHeaders");
        Set<String> cloudEvents = CloudEventHeaders.of(EventFixtures.shareRequested(), "/shareflow/share-api").keySet();
        assertThat(texts(headers.path("required"))).containsExactlyInAnyOrderElementsOf(cloudEvents);
        Set<String> all = new HashSet<>(cloudEvents);
        all.add("traceparent");
        assertThat(headers.path("properties").propertyNames()).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void deadLetterRecordsCarryTheExceptionHeaders() {
        channelsByAddress().forEach((address, channel) -> {
            if (!address.endsWith(".dlt")) {
                return;
            }
            assertThat(channel.path("messages").values()).as(address).isNotEmpty().allSatisfy(ref -> {
                Set<String> required = new HashSet<>();
                resolve(ref).at("/headers/allOf").values()
                        .forEach(part -> required.addAll(texts(resolve(part).path("required"))));
                assertThat(required).as(address).contains("kafka_dlt-exception-fqcn", "kafka_dlt-exception-message",
                        "kafka_dlt-exception-stacktrace", "kafka_dlt-original-topic", "kafka_dlt-original-offset");
            });
        });
    }

    private String producerOf(String event) {
        return doc.path("operations").values().stream()
                .filter(op -> op.path("action").asString().equals("send"))
                .filter(op -> op.path("messages").values().stream().anyMatch(m -> messageName(m).equals(event)))
                .map(op -> op.at("/tags/0/name").asString()).findFirst().orElseThrow();
    }

    /** The component message name a message reference ends at, through the channel's own reference. */
    private String messageName(JsonNode reference) {
        JsonNode node = reference;
        String ref = node.path("$ref").asString();
        while (node.has("$ref")) {
            ref = node.path("$ref").asString();
            node = doc.at(ref.substring(1));
        }
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** Follows local references ({@code #/...}) until a node that is not one. */
    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref") && current.path("$ref").asString().startsWith("#/")) {
            current = doc.at(current.path("$ref").asString().substring(1));
            assertThat(current.isMissingNode()).as("reference " + node).isFalse();
        }
        return current;
    }

    private static String headerConst(JsonNode message, String header) {
        return message.at("/headers/allOf").values().stream()
                .map(part -> part.at("/properties/" + header + "/const"))
                .filter(JsonNode::isString).map(JsonNode::asString).findFirst().orElse(null);
    }

    private Map<String, JsonNode> channelsByAddress() {
        Map<String, JsonNode> channels = new TreeMap<>();
        doc.path("channels").values().forEach(c -> channels.put(c.path("address").asString(), c));
        return channels;
    }

    private static List<String> topics() throws IllegalAccessException {
        List<String> topics = new ArrayList<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                topics.add((String) field.get(null));
            }
        }
        return topics;
    }

    private static List<String> texts(JsonNode array) {
        return array.values().stream().map(JsonNode::asString).toList();
    }

    private static Set<String> currentSchemaNames() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/avro"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".avsc"))
                    .map(n -> n.substring(0, n.length() - ".avsc".length())).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Schema schemaOf(String event) throws IOException {
        return new Schema.Parser().parse(Path.of("src/main/avro", event + ".avsc").toFile());
    }

    private static boolean isBytesOrOptionalBytes(Schema schema) {
        if (schema.getType() == Schema.Type.BYTES) {
            return true;
        }
        return schema.getType() == Schema.Type.UNION && schema.getTypes().size() == 2
                && schema.getTypes().get(0).getType() == Schema.Type.NULL
                && schema.getTypes().get(1).getType() == Schema.Type.BYTES;
    }
}
