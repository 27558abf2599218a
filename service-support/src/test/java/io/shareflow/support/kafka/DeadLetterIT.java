package io.shareflow.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shareflow.embedded.SharedInfrastructure;
import io.shareflow.events.UserActivated;
import io.shareflow.schemas.AvroEventDeserializer;
import io.shareflow.schemas.AvroEventSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Against a real KRaft broker: a poison record and a record the listener rejects both land on
 * {@code <topic>.dlt} with the error in headers, a transient failure is retried, and the partition goes on; each dead
 * letter is then handed to the {@link DeadLetterFollowUp}s, one that throws stopping neither the others nor the partition.
 * The consumer is configured only by service-support's defaults (no deserializer properties here).
 */
@SpringBootTest(classes = DeadLetterIT.ListeningService.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "spring.kafka.consumer.group-id=dead-letter-it",
                "spring.kafka.consumer.auto-offset-reset=earliest",
                "shareflow.kafka.errors.initial-interval=50ms",
                "shareflow.kafka.errors.max-interval=200ms",
                "shareflow.kafka.errors.max-attempts=3"})
class DeadLetterIT {

    static final String TOPIC = "dead-letter-it.events.v1";
    static final String DEAD_LETTERS = TOPIC + ".dlt";

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> SharedInfrastructure.kafka().bootstrapServers());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class ListeningService {

        final List<String> processed = new CopyOnWriteArrayList<>();
        final List<DeadLetter> followedUp = new CopyOnWriteArrayList<>();
        final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

        /** Stands in for the actuator's registry, which the services have. */
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        KafkaAdmin.NewTopics topics(TopicDeclarations topics) {
            // One partition, so "the partition keeps going" is observable as order.
            return TopicDeclarations.all(TopicDeclarations.topic(TOPIC, 1, (short) 1), topics.deadLetterTopic(TOPIC));
        }

        /** Throws on every dead letter: the partition goes on, and the other follow-up is still told. */
        @Bean
        @org.springframework.core.annotation.Order(1)
        DeadLetterFollowUp failingFollowUp() {
            return letter -> {
                throw new IllegalStateException("follow-up broken");
            };
        }

        @Bean
        @org.springframework.core.annotation.Order(2)
        DeadLetterFollowUp recordingFollowUp() {
            return followedUp::add;
        }

        @KafkaListener(topics = TOPIC)
        void on(ConsumerRecord<String, SpecificRecord> record) {
            int attempt = attempts.computeIfAbsent(record.key(), k -> new AtomicInteger()).incrementAndGet();
            if (record.key().startsWith("reject")) {
                throw new IllegalArgumentException("event refused by the handler");
            }
            if (record.key().startsWith("flaky") && attempt < 2) {
                throw new IllegalStateException("transient failure");
            }
            processed.add(record.key() + ":" + ((UserActivated) record.value()).getEmail());
        }
    }

    @Autowired
    ListeningService service;

    @Autowired
    MeterRegistry meters;

    @Test
    void poisonAndRejectedRecordsGoToTheDeadLetterTopicAndThePartitionKeepsGoing() throws Exception {
        UserActivated event = UserActivated.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.parse("2026-05-01T10:15:30.123Z"))
                .setUserId(UUID.randomUUID())
                .setOrganizationId(UUID.randomUUID())
                .setEmail("ada@example.com")
                .setDisplayName("Ada")
                .build();
        byte[] poison = "not single-object encoded".getBytes(StandardCharsets.UTF_8);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", SharedInfrastructure.kafka().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, 0, "poison", poison)).get();
            producer.send(new ProducerRecord<>(TOPIC, 0, "reject", AvroEventSerializer.encode(event))).get();
            producer.send(new ProducerRecord<>(TOPIC, 0, "flaky", AvroEventSerializer.encode(event))).get();
            producer.send(new ProducerRecord<>(TOPIC, 0, "good", AvroEventSerializer.encode(event))).get();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(service.processed).containsExactly("flaky:ada@example.com", "good:ada@example.com"));
        assertThat(service.attempts.get("reject")).as("not retried").hasValue(1);
        assertThat(service.attempts.get("flaky")).as("retried once").hasValue(2);
        assertThat(service.attempts).doesNotContainKey("poison");

        Map<String, ConsumerRecord<String, byte[]>> deadLetters = readDeadLetters(2);
        ConsumerRecord<String, byte[]> unreadable = deadLetters.get("poison");
        assertThat(unreadable.value()).isEqualTo(poison);
        assertThat(header(unreadable, "kafka_dlt-exception-fqcn")).contains("DeserializationException");
        // spring-kafka's message header says only "failed to deserialize"; the reason is in the stack trace's cause.
        assertThat(header(unreadable, "kafka_dlt-exception-stacktrace")).contains("Not Avro single-object encoding");
        assertThat(header(unreadable, "kafka_dlt-original-topic")).isEqualTo(TOPIC);

        ConsumerRecord<String, byte[]> rejected = deadLetters.get("reject");
        assertThat(AvroEventDeserializer.decode(rejected.value())).isEqualTo(event);
        assertThat(header(rejected, "kafka_dlt-exception-cause-fqcn") + " " + header(rejected, "kafka_dlt-exception-fqcn"))
                .contains("IllegalArgumentException");
        assertThat(header(rejected, "kafka_dlt-exception-message")).contains("event refused by the handler");
        assertThat(header(rejected, "kafka_dlt-original-offset")).isNotNull();

        // Each dead letter is followed up once it is published, despite the follow-up before that throws.
        await().atMost(Duration.ofSeconds(10)).until(() -> service.followedUp.size() == 2);
        assertThat(service.followedUp).extracting(DeadLetter::key).containsExactly("poison", "reject");
        DeadLetter unreadableLetter = service.followedUp.get(0);
        assertThat(unreadableLetter.value()).as("nothing could be read").isNull();
        assertThat(unreadableLetter.topic()).isEqualTo(TOPIC);
        assertThat(unreadableLetter.failure()).hasStackTraceContaining("Not Avro single-object encoding");
        DeadLetter rejectedLetter = service.followedUp.get(1);
        assertThat(rejectedLetter.value()).isEqualTo(event);
        assertThat(rejectedLetter.failure()).isInstanceOf(IllegalArgumentException.class);
        assertThat(rejectedLetter.reason())
                .isEqualTo("Dead-lettered after the retries: IllegalArgumentException: event refused by the handler");
        assertThat(rejectedLetter.offset()).isEqualTo(unreadableLetter.offset() + 1);
        assertThat(meters.get(DeadLetterCounts.NAME).tag("topic", TOPIC).counter().count()).isEqualTo(2.0);
    }

    private static Map<String, ConsumerRecord<String, byte[]>> readDeadLetters(int expected) {
        Map<String, ConsumerRecord<String, byte[]>> byKey = new ConcurrentHashMap<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                "bootstrap.servers", SharedInfrastructure.kafka().bootstrapServers(),
                "group.id", "dead-letter-it-reader", "auto.offset.reset", "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(Set.of(DEAD_LETTERS));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (byKey.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> byKey.put(r.key(), r));
            }
        }
        assertThat(byKey).containsOnlyKeys(new ArrayList<>(List.of("poison", "reject")));
        return byKey;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
