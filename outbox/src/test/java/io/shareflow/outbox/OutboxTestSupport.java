package io.shareflow.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.shareflow.embedded.KraftBroker;
import io.shareflow.embedded.SharedInfrastructure;
import io.shareflow.events.UserUpserted;
import io.shareflow.schemas.AvroEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.flywaydb.core.Flyway;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A fresh outbox database per test, topics, and a reader of what reached Kafka. */
final class OutboxTestSupport {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    final String jdbcUrl;
    final DataSource dataSource;
    final JdbcClient jdbc;
    final TransactionTemplate tx;
    final OutboxWriter writer;

    private OutboxTestSupport(String database) {
        var postgres = SharedInfrastructure.postgres();
        this.jdbcUrl = postgres.createDatabase(database);
        this.dataSource = postgres.dataSource(database);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/outbox").load().migrate();
        this.jdbc = JdbcClient.create(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.writer = new OutboxWriter(jdbc, "/shareflow/outbox-it", TraceparentSource.newTracePerEvent());
    }

    static OutboxTestSupport freshDatabase() {
        return new OutboxTestSupport("outbox_it_" + DATABASES.incrementAndGet() + "_" + ProcessHandle.current().pid());
    }

    static String newTopic(String bootstrapServers, int partitions) {
        String topic = "outbox-it-" + UUID.randomUUID();
        KraftBroker.createTopics(bootstrapServers, partitions, topic);
        return topic;
    }

    OutboxRelay relay(String bootstrapServers, RelaySettings settings) {
        return relay(bootstrapServers, settings, OutboxSettings.DEFAULT_PROCESSED_EVENT_RETENTION);
    }

    OutboxRelay relay(String bootstrapServers, RelaySettings settings, Duration processedEventRetention) {
        return new OutboxRelay(RelayConnectionFactory.of(jdbcUrl, "postgres", ""),
                Map.of("bootstrap.servers", bootstrapServers), settings, processedEventRetention,
                new OutboxMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
    }

    /** An event whose display name carries a sequence number, so order can be checked per key. */
    static UserUpserted event(UUID key, int sequence) {
        return UserUpserted.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setUserId(key)
                .setOrganizationId(UUID.randomUUID())
                .setEmail("user@example.com")
                .setDisplayName(String.valueOf(sequence))
                .setStatus("ACTIVE")
                .build();
    }

    void appendInTransaction(String topic, UserUpserted... events) {
        tx.executeWithoutResult(status -> {
            for (UserUpserted e : events) {
                writer.append(topic, "user", e.getUserId().toString(), e);
            }
        });
    }

    long pending() {
        return jdbc.sql("select count(*) from outbox_event where published_at is null").query(Long.class).single();
    }

    long rows() {
        return jdbc.sql("select count(*) from outbox_event").query(Long.class).single();
    }

    /** Reads a topic from the beginning, decoding values; records are kept in partition order. */
    static final class TopicReader implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

        TopicReader(String bootstrapServers, String topic) {
            consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers,
                    "auto.offset.reset", "earliest", "enable.auto.commit", false),
                    new StringDeserializer(), new ByteArrayDeserializer());
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        /** Polls once; call from Awaitility until the expected count is reached. */
        int poll() {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            return records.size();
        }

        List<UserUpserted> events() {
            return records.stream().map(r -> (UserUpserted) AvroEventDeserializer.decode(r.value())).toList();
        }

        List<UUID> eventIds() {
            return events().stream().map(UserUpserted::getEventId).toList();
        }

        static String header(ConsumerRecord<String, byte[]> record, String name) {
            var header = record.headers().lastHeader(name);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
