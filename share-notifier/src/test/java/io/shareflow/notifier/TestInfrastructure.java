package io.shareflow.notifier;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import io.shareflow.embedded.KraftBroker;
import io.shareflow.embedded.SharedInfrastructure;
import io.shareflow.embedded.mail.MailCatcher;
import io.shareflow.schemas.AvroEventSerializer;
import io.shareflow.schemas.CloudEventHeaders;
import io.shareflow.schemas.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the integration tests share, started once per JVM: the embedded broker and PostgreSQL of
 * {@link SharedInfrastructure}, a {@link MailCatcher} on free ports, the topics, a producer playing
 * share-api, and a consumer recording everything on the notifications and dead-letter topics.
 */
final class TestInfrastructure {

    static final String SHARE_EVENTS = Topics.SHARE_EVENTS;
    static final String NOTIFICATIONS = Topics.SHARE_NOTIFICATIONS;
    static final String DEAD_LETTERS = Topics.deadLetter(Topics.SHARE_EVENTS);

    private static MailCatcher mail;
    private static KafkaProducer<String, byte[]> producer;
    private static final List<ConsumerRecord<String, byte[]>> RECEIVED = new CopyOnWriteArrayList<>();

    private TestInfrastructure() {
    }

    static synchronized MailCatcher mail() {
        if (mail == null) {
            mail = MailCatcher.onFreePorts().start();
            Runtime.getRuntime().addShutdownHook(new Thread(mail::close, "mail-catcher-shutdown"));
        }
        return mail;
    }

    static synchronized String bootstrapServers() {
        String servers = SharedInfrastructure.kafka().bootstrapServers();
        if (producer == null) {
            KraftBroker.createTopics(servers, 3, SHARE_EVENTS, NOTIFICATIONS, DEAD_LETTERS);
            producer = new KafkaProducer<>(Map.of("bootstrap.servers", servers, "acks", "all"),
                    new StringSerializer(), new ByteArraySerializer());
            startRecorder(servers);
        }
        return servers;
    }

    static String databaseUrl() {
        return SharedInfrastructure.postgres().createDatabase("share_notifier");
    }

    /** Publishes an event as share-api's outbox relay would: Avro single-object encoding, CloudEvents headers. */
    static void publish(String key, SpecificRecord event, Integer partition) {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(SHARE_EVENTS, partition, key, AvroEventSerializer.encode(event));
        CloudEventHeaders.of(event, "/shareflow/share-api").forEach((name, value) ->
                record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        send(record);
    }

    static void publishRaw(String key, byte[] value, Integer partition) {
        send(new ProducerRecord<>(SHARE_EVENTS, partition, key, value));
    }

    /** Everything that arrived on the notifications and dead-letter topics so far. */
    static List<ConsumerRecord<String, byte[]>> received(String topic) {
        return RECEIVED.stream().filter(r -> r.topic().equals(topic)).toList();
    }

    private static void send(ProducerRecord<String, byte[]> record) {
        bootstrapServers();
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void startRecorder(String servers) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", servers,
                "group.id", "notifier-it-recorder-" + System.nanoTime(),
                "auto.offset.reset", "earliest"), new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(Stream.of(NOTIFICATIONS, DEAD_LETTERS).toList());
        Thread recorder = new Thread(() -> {
            try (consumer) {
                while (!Thread.currentThread().isInterrupted()) {
                    consumer.poll(Duration.ofMillis(200)).forEach(RECEIVED::add);
                }
            }
        }, "notifier-it-recorder");
        recorder.setDaemon(true);
        recorder.start();
    }
}
