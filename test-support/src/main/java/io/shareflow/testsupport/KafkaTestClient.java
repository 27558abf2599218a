package io.shareflow.testsupport;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import io.shareflow.embedded.KraftBroker;
import io.shareflow.schemas.AvroEventDeserializer;
import io.shareflow.schemas.AvroEventSerializer;
import io.shareflow.schemas.CloudEventHeaders;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Real Kafka clients for tests: publish events as the other services would (Avro single-object encoding,
 * CloudEvents headers, acknowledged by the broker), and read what the service under test published.
 * One per test class or per JVM; {@link #close()} closes its producer.
 */
public final class KafkaTestClient implements AutoCloseable {

    private final String bootstrapServers;
    private final KafkaProducer<String, byte[]> producer;

    public KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Creates the topics unless they exist, as their producing services would, and waits until they are usable. */
    public void createTopics(int partitions, String... names) {
        KraftBroker.createTopics(bootstrapServers, partitions, names);
    }

    /** Publishes an event as a service would: Avro single-object encoding, CloudEvents headers. */
    public void send(String topic, String key, SpecificRecord event) {
        send(topic, null, key, event);
    }

    /** @param partition the partition to write to; null lets the key decide */
    public void send(String topic, Integer partition, String key, SpecificRecord event) {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(topic, partition, key, AvroEventSerializer.encode(event));
        CloudEventHeaders.of(event, "/shareflow/test").forEach((name, value) ->
                record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        send(record);
    }

    /** Publishes any bytes (a poison record, say), without headers. */
    public void sendRaw(String topic, Integer partition, String key, byte[] value) {
        send(new ProducerRecord<>(topic, partition, key, value));
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Send to " + record.topic() + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A consumer in a group of its own reading the topics from the beginning, values decoded as events. */
    public KafkaConsumer<String, SpecificRecord> eventConsumer(String... topics) {
        KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(consumerConfig(AvroEventDeserializer.class));
        consumer.subscribe(List.of(topics));
        return consumer;
    }

    /** A consumer in a group of its own reading the topics from the beginning, values as bytes (dead letters). */
    public KafkaConsumer<String, byte[]> rawConsumer(String... topics) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig(ByteArrayDeserializer.class));
        consumer.subscribe(List.of(topics));
        return consumer;
    }

    /** Polls once and adds what arrived to {@code into}; for use inside an Awaitility condition. */
    public static <V> Collection<ConsumerRecord<String, V>> pollInto(KafkaConsumer<String, V> consumer,
                                                                    Collection<ConsumerRecord<String, V>> into) {
        consumer.poll(Duration.ofMillis(250)).forEach(into::add);
        return into;
    }

    /**
     * Reads the whole topic from the beginning until the records read so far satisfy {@code done}
     * (at most 45 s).
     *
     * @return every record read, in partition order
     */
    public List<ConsumerRecord<String, byte[]>> readUntil(String topic, Predicate<List<ConsumerRecord<String, byte[]>>> done) {
        Map<String, Object> config = consumerConfig(ByteArrayDeserializer.class);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> {
                partitions.clear();
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                return !partitions.isEmpty();
            });
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(45)).pollInSameThread().pollInterval(Duration.ofMillis(10)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return done.test(records);
            });
            return records;
        }
    }

    /** The events of a topic's records with this key, decoded; waits until {@code done} holds for them. */
    public List<SpecificRecord> eventsUntil(String topic, String key, Predicate<List<SpecificRecord>> done) {
        List<ConsumerRecord<String, byte[]>> records = readUntil(topic, all -> done.test(decode(all, key)));
        return decode(records, key);
    }

    private static List<SpecificRecord> decode(List<ConsumerRecord<String, byte[]>> records, String key) {
        return records.stream()
                .filter(r -> key.equals(r.key()) && r.value() != null)
                .map(r -> AvroEventDeserializer.decode(r.value()))
                .toList();
    }

    private Map<String, Object> consumerConfig(Class<?> valueDeserializer) {
        Map<String, Object> config = new java.util.HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, valueDeserializer));
        return config;
    }

    @Override
    public void close() {
        producer.close();
    }
}
