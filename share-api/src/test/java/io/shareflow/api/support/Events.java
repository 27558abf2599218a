package io.shareflow.api.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import io.shareflow.embedded.KraftBroker;
import io.shareflow.schemas.AvroEventDeserializer;
import io.shareflow.schemas.AvroEventSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Real Kafka clients for tests: publish events as other services would, read what share-api published. */
public final class Events {

    private Events() {
    }

    /** Creates topics unless they exist, as their producing services would. */
    public static void createTopics(String bootstrapServers, String... names) {
        KraftBroker.createTopics(bootstrapServers, 3, names);
    }

    /** Publishes an event (Avro single-object encoding), waiting for the broker's acknowledgement. */
    public static void publish(String bootstrapServers, String topic, UUID key, SpecificRecord event) {
        publishBytes(bootstrapServers, topic, key, AvroEventSerializer.encode(event));
    }

    public static void publishBytes(String bootstrapServers, String topic, UUID key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(topic, key.toString(), value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    /** A consumer in a group of its own, reading the topic from the beginning, with share-api's value deserializer. */
    public static KafkaConsumer<String, SpecificRecord> consumer(String bootstrapServers, String topic) {
        KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "share-api-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroEventDeserializer.class));
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /** A raw consumer, e.g. for dead letters, whose value may not be an event at all. */
    public static KafkaConsumer<String, byte[]> rawConsumer(String bootstrapServers, String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "share-api-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /** Polls once and adds what arrived to {@code into}; for use inside an Awaitility condition. */
    public static <V> Collection<ConsumerRecord<String, V>> pollInto(KafkaConsumer<String, V> consumer,
                                                                    Collection<ConsumerRecord<String, V>> into) {
        consumer.poll(Duration.ofMillis(250)).forEach(into::add);
        return into;
    }

    public static <V> List<ConsumerRecord<String, V>> records() {
        return new ArrayList<>();
    }
}
