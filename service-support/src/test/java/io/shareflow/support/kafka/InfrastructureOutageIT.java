package io.shareflow.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.shareflow.embedded.PostgresServer;
import io.shareflow.embedded.SharedInfrastructure;
import io.shareflow.events.UserActivated;
import io.shareflow.schemas.AvroEventSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A PostgreSQL outage, for real: a listener writes each record to PostgreSQL through a connection pool in a
 * transaction, as the services' handlers do. With the database stopped, the first record fails far more
 * often than {@code max-attempts} would allow an ordinary failure, and nothing reaches the dead-letter topic;
 * once the database is back every record is written exactly once, in order, and only the genuinely
 * unreadable record is dead-lettered.
 *
 * <p>The database is a PostgreSQL of this class's own (stopping the JVM's shared one would pull it from
 * under other tests); the broker is the shared one.
 */
@SpringBootTest(classes = InfrastructureOutageIT.WritingService.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "spring.kafka.consumer.group-id=infrastructure-outage-it",
                "spring.kafka.consumer.auto-offset-reset=earliest",
                "shareflow.kafka.errors.initial-interval=50ms",
                "shareflow.kafka.errors.max-interval=100ms",
                "shareflow.kafka.errors.max-attempts=3",
                "shareflow.kafka.errors.infrastructure-max-backoff=400ms"})
@ExtendWith(OutputCaptureExtension.class)
class InfrastructureOutageIT {

    static final String TOPIC = "infrastructure-outage-it.events.v1";
    static final String DEAD_LETTERS = TOPIC + ".dlt";
    static final int MAX_ATTEMPTS = 3;
    static final List<String> GOOD_KEYS = IntStream.rangeClosed(1, 5).mapToObj(i -> "good-" + i).toList();

    static final PostgresServer POSTGRES = PostgresServer.onFreePort().start();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> SharedInfrastructure.kafka().bootstrapServers());
    }

    @AfterAll
    static void stopDatabase() {
        POSTGRES.close();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class WritingService {

        @Bean
        KafkaAdmin.NewTopics topics(TopicDeclarations topics) {
            // One partition: the records queue up behind the first one while the database is away.
            return TopicDeclarations.all(TopicDeclarations.topic(TOPIC, 1, (short) 1), topics.deadLetterTopic(TOPIC));
        }

        @Bean(destroyMethod = "close")
        static HikariDataSource dataSource() {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(POSTGRES.createDatabase("infrastructure_outage_it"));
            config.setUsername(PostgresServer.USER);
            config.setMaximumPoolSize(2);
            // Give up on a borrow after 1 s instead of Hikari's 30 s, so the outage makes many attempts quickly.
            config.setConnectionTimeout(1000);
            HikariDataSource dataSource = new HikariDataSource(config);
            JdbcClient.create(dataSource).sql("create table if not exists written_event (event_key text not null, "
                    + "email text not null, written_at timestamptz not null default clock_timestamp())").update();
            return dataSource;
        }

        @Bean
        static JdbcClient jdbc(DataSource dataSource) {
            return JdbcClient.create(dataSource);
        }

        @Bean
        static EventWriter eventWriter(JdbcClient jdbc, DataSource dataSource) {
            return new EventWriter(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        }
    }

    /** A thin listener and its transactional write, as in the services (no try/catch). */
    static class EventWriter {

        /** Deliveries per key, successful or not. */
        final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        private final JdbcClient jdbc;
        private final TransactionTemplate transactions;

        EventWriter(JdbcClient jdbc, TransactionTemplate transactions) {
            this.jdbc = jdbc;
            this.transactions = transactions;
        }

        @KafkaListener(topics = TOPIC)
        void on(ConsumerRecord<String, SpecificRecord> record) {
            deliveries.computeIfAbsent(record.key(), key -> new AtomicInteger()).incrementAndGet();
            transactions.executeWithoutResult(status -> jdbc.sql("insert into written_event (event_key, email) values (?, ?)")
                    .params(record.key(), ((UserActivated) record.value()).getEmail())
                    .update());
        }
    }

    @Autowired
    EventWriter writer;

    @Autowired
    JdbcClient jdbc;

    @Test
    void duringADatabaseOutageRecordsWaitInsteadOfGoingToTheDeadLetterTopic(CapturedOutput output) throws Exception {
        POSTGRES.stop();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (String key : GOOD_KEYS) {
                producer.send(new ProducerRecord<>(TOPIC, 0, key, AvroEventSerializer.encode(event(key + "@example.com")))).get();
            }
            producer.send(new ProducerRecord<>(TOPIC, 0, "poison", "not single-object encoded".getBytes(StandardCharsets.UTF_8))).get();
        }

        // Four times what an ordinary failure gets before it is dead-lettered (with a 1 s pool timeout per
        // attempt, about 15 s of outage); the dead-letter topic must stay empty all along.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .failFast("a record reached the DLT during the outage", () -> deadLetterCount() > 0)
                .untilAsserted(() -> assertThat(deliveries("good-1")).isGreaterThanOrEqualTo(4 * MAX_ATTEMPTS));
        assertThat(deadLetterCount()).isZero();
        assertThat(writer.deliveries.keySet()).as("the partition waits at its first record").containsOnly("good-1");
        assertThat(output.getAll()).contains("Infrastructure failure on " + TOPIC + "-0@")
                .contains("retrying until it succeeds")
                .contains("root cause: java.net.ConnectException: Connection refused");

        POSTGRES.start();

        // The pool may still be reconnecting when this test's own query borrows a connection.
        await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(DataAccessResourceFailureException.class).untilAsserted(() ->
                assertThat(jdbc.sql("select event_key from written_event order by written_at, event_key").query(String.class).list())
                        .containsExactlyElementsOf(GOOD_KEYS));
        Map<String, ConsumerRecord<String, byte[]>> deadLetters = readDeadLetters(1);
        assertThat(deadLetters).containsOnlyKeys("poison");
        assertThat(deadLetters.get("poison").value()).asString(StandardCharsets.UTF_8).isEqualTo("not single-object encoded");

        // Nothing more arrives: the poison record was the last one, and it is past.
        assertThat(jdbc.sql("select event_key, count(*) from written_event group by event_key")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list())
                .allSatisfy(written -> assertThat(written.getValue()).as("writes of %s", written.getKey()).isEqualTo(1L))
                .hasSize(GOOD_KEYS.size());
        assertThat(deadLetterCount()).isEqualTo(1);
        GOOD_KEYS.stream().skip(1).forEach(key -> assertThat(deliveries(key)).as("deliveries of %s", key).isEqualTo(1));
    }

    private int deliveries(String key) {
        AtomicInteger count = writer.deliveries.get(key);
        return count == null ? 0 : count.get();
    }

    private static UserActivated event(String email) {
        return UserActivated.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.parse("2026-05-01T10:15:30.123Z"))
                .setUserId(UUID.randomUUID())
                .setOrganizationId(UUID.randomUUID())
                .setEmail(email)
                .setDisplayName("Ada")
                .build();
    }

    private static String bootstrapServers() {
        return SharedInfrastructure.kafka().bootstrapServers();
    }

    /** Records ever written to the dead-letter topic: the sum of its partitions' end offsets. */
    private static long deadLetterCount() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
            Set<String> partitions = Set.of(DEAD_LETTERS);
            var description = admin.describeTopics(partitions).allTopicNames().get().get(DEAD_LETTERS);
            Map<TopicPartition, OffsetSpec> latest = new ConcurrentHashMap<>();
            description.partitions().forEach(p -> latest.put(new TopicPartition(DEAD_LETTERS, p.partition()), OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream().mapToLong(info -> info.offset()).sum();
        }
    }

    private static Map<String, ConsumerRecord<String, byte[]>> readDeadLetters(int expected) {
        Map<String, ConsumerRecord<String, byte[]>> byKey = new ConcurrentHashMap<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", bootstrapServers(),
                "group.id", "infrastructure-outage-it-reader", "auto.offset.reset", "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(Set.of(DEAD_LETTERS));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (byKey.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> byKey.put(r.key(), r));
            }
        }
        return byKey;
    }
}
