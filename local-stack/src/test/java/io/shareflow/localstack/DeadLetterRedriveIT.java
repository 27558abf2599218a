package io.shareflow.localstack;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.shareflow.embedded.KraftBroker;
import io.shareflow.localstack.ops.DeadLetterRedrive;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runbook's DLT redrive on a real broker: each dead letter goes back to its topic once, without its DLT headers, a
 * record two consumer groups dead-lettered once.
 */
class DeadLetterRedriveIT {

    private static KraftBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KraftBroker.onFreePort().start();
        broker.createTopics(3, "orders.v1", "orders.v1.dlt", "invoices.v1", "invoices.v1.dlt");
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void redrivesEachDeadLetterOnceToItsOriginalTopicWithItsOwnHeaders() throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < 5; i++) {
                RecordHeaders headers = new RecordHeaders();
                headers.add("ce_id", ("event-" + i).getBytes(StandardCharsets.UTF_8));
                headers.add("kafka_dlt-original-topic", "orders.v1".getBytes(StandardCharsets.UTF_8));
                headers.add("kafka_dlt-exception-message", "boom".getBytes(StandardCharsets.UTF_8));
                headers.add("kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(0).array());
                headers.add("kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(i).array());
                producer.send(new ProducerRecord<>("orders.v1.dlt", i % 3, ("key-" + i).getBytes(StandardCharsets.UTF_8),
                        new byte[] {(byte) 0xC3, 1, (byte) i}, headers)).get();
            }
            // Record 0 dead-lettered by a second consumer group too: the same original partition and offset.
            RecordHeaders headers = new RecordHeaders();
            headers.add("ce_id", "event-0".getBytes(StandardCharsets.UTF_8));
            headers.add("kafka_dlt-original-topic", "orders.v1".getBytes(StandardCharsets.UTF_8));
            headers.add("kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(0).array());
            headers.add("kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(0).array());
            producer.send(new ProducerRecord<>("orders.v1.dlt", 2, "key-0".getBytes(StandardCharsets.UTF_8),
                    new byte[] {(byte) 0xC3, 1, 0}, headers)).get();
        }

        assertThat(DeadLetterRedrive.redrive(broker.bootstrapServers(), "orders.v1.dlt", true)).as("dry run").isEqualTo(5);
        assertThat(DeadLetterRedrive.redrive(broker.bootstrapServers(), "orders.v1.dlt", false)).isEqualTo(5);
        assertThat(DeadLetterRedrive.redrive(broker.bootstrapServers(), "orders.v1.dlt", false)).as("again").isZero();

        List<ConsumerRecord<byte[], byte[]>> redriven = readAll("orders.v1", 5);
        assertThat(redriven).hasSize(5);
        assertThat(redriven).extracting(r -> new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder("event-0", "event-1", "event-2", "event-3", "event-4");
        assertThat(redriven).allSatisfy(r -> {
            assertThat(r.headers().lastHeader("kafka_dlt-original-topic")).isNull();
            assertThat(r.headers().lastHeader("kafka_dlt-exception-message")).isNull();
            assertThat(r.value()[0]).isEqualTo((byte) 0xC3);
        });
    }

    /** The runbook's commands as printed: bin/redrive-dlt and bin/kafka-tool, run from the repackaged jar. */
    @Test
    void theRunbooksScriptsRedriveAndCountAsPrinted() throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < 2; i++) {
                producer.send(new ProducerRecord<>("invoices.v1.dlt", ("key-" + i).getBytes(StandardCharsets.UTF_8),
                        new byte[] {(byte) i})).get();
            }
        }
        assertThat(run("bin/redrive-dlt", "--bootstrap-server", broker.bootstrapServers(), "--topic", "invoices.v1.dlt",
                "--dry-run")).contains("would redrive 2 record(s) of invoices.v1.dlt");
        assertThat(run("bin/redrive-dlt", "--bootstrap-server", broker.bootstrapServers(), "--topic", "invoices.v1.dlt"))
                .contains("redrove 2 record(s) of invoices.v1.dlt");
        String offsets = run("bin/kafka-tool", "get-offsets", "--bootstrap-server", broker.bootstrapServers(),
                "--topic", "invoices.v1");
        long total = offsets.lines().filter(line -> line.startsWith("invoices.v1:"))
                .mapToLong(line -> Long.parseLong(line.substring(line.lastIndexOf(':') + 1))).sum();
        assertThat(total).as(offsets).isEqualTo(2);
        assertThat(run("bin/kafka-tool", "consumer-groups", "--bootstrap-server", broker.bootstrapServers(), "--list"))
                .contains("shareflow-redrive");
    }

    /** Runs a script of the repository's bin/ as an operator would; fails with its output if it fails. */
    private static String run(String... command) throws Exception {
        java.nio.file.Path root = java.nio.file.Path.of("").toAbsolutePath().getParent();
        List<String> line = new ArrayList<>(List.of(command));
        line.set(0, root.resolve(command[0]).toString());
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("%s:%n%s", String.join(" ", command), output).isZero();
        return output;
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int atLeast) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            // Until the expected records are in, and one more poll shows nothing further arrives.
            while (System.nanoTime() < deadline) {
                int before = records.size();
                consumer.poll(Duration.ofSeconds(1)).forEach(records::add);
                if (records.size() >= atLeast && records.size() == before) {
                    break;
                }
            }
            return records;
        }
    }
}
