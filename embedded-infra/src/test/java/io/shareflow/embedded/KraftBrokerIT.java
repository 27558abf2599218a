package io.shareflow.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KraftBrokerIT {

    @Test
    void keepsTopicsAndRecordsAcrossARestartOnTheSamePort() throws Exception {
        try (KraftBroker broker = KraftBroker.onFreePort().start()) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("restart.test", 1, (short) 1))).all().get();
            }
            try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("restart.test", "k", "before restart")).get();
            }

            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            broker.start();

            try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                    "bootstrap.servers", broker.bootstrapServers(), "group.id", "restart-test",
                    "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(Set.of("restart.test"));
                List<String> values = new java.util.ArrayList<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (values.isEmpty() && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                        values.add(r.value());
                    }
                }
                assertThat(values).containsExactly("before restart");
            }
        }
    }

    @Test
    void postgresKeepsDataAcrossARestart() throws Exception {
        try (PostgresServer pg = PostgresServer.onFreePort().start()) {
            pg.createDatabase("restart_test");
            try (var c = pg.dataSource("restart_test").getConnection(); var s = c.createStatement()) {
                s.execute("create table t (v text)");
                s.execute("insert into t values ('kept')");
            }
            pg.stop();
            pg.start();
            assertThat(pg.createDatabase("restart_test")).endsWith("/restart_test");
            try (var c = pg.dataSource("restart_test").getConnection(); var s = c.createStatement();
                 var rs = s.executeQuery("select v from t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("kept");
            }
        }
    }

    @Test
    void closingDeletesTheTemporaryDirectoriesThatStopKeeps() {
        KraftBroker broker = KraftBroker.onFreePort().start();
        PostgresServer postgres = PostgresServer.onFreePort().start();
        broker.stop();
        postgres.stop();
        assertThat(broker.logDir()).as("stop keeps the data for a restart").isNotEmptyDirectory();
        assertThat(postgres.dataDir()).isNotEmptyDirectory();

        broker.close();
        postgres.close();
        assertThat(broker.logDir()).doesNotExist();
        assertThat(postgres.dataDir()).doesNotExist();
    }
}
