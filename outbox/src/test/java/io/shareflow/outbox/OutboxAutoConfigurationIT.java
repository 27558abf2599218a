package io.shareflow.outbox;

import static io.shareflow.outbox.OutboxTestSupport.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shareflow.embedded.SharedInfrastructure;
import io.shareflow.events.UserUpserted;
import io.shareflow.outbox.OutboxTestSupport.TopicReader;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

class OutboxAutoConfigurationIT {

    private final String kafka = SharedInfrastructure.kafka().bootstrapServers();

    private ApplicationContextRunner contextOn(String database) {
        String url = SharedInfrastructure.postgres().createDatabase(database);
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
                        JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class,
                        FlywayAutoConfiguration.class, KafkaAutoConfiguration.class, OutboxAutoConfiguration.class))
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("spring.datasource.url=" + url, "spring.datasource.username=postgres",
                        "spring.kafka.bootstrap-servers=" + kafka, "spring.application.name=autoconfig-it");
    }

    @Test
    void aServiceGetsTheMigrationsTheWriterAndARunningRelay() {
        String topic = OutboxTestSupport.newTopic(kafka, 1);
        contextOn("outbox_autoconfig_it").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(OutboxWriter.class).hasSingleBean(ProcessedEvents.class);
            OutboxRelay relay = context.getBean(OutboxRelay.class);
            assertThat(relay.isRunning()).isTrue();

            UserUpserted e = event(UUID.randomUUID(), 1);
            TransactionTemplate tx = context.getBean(TransactionTemplate.class);
            tx.executeWithoutResult(s -> context.getBean(OutboxWriter.class)
                    .append(topic, "user", e.getUserId().toString(), e));

            try (TopicReader reader = new TopicReader(kafka, topic)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> reader.poll() >= 1);
                assertThat(reader.eventIds()).containsExactly(e.getEventId());
                assertThat(TopicReader.header(reader.records.get(0), "ce_source")).isEqualTo("/shareflow/autoconfig-it");
            }
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> meters.get("shareflow.outbox.published").counter().count() == 1.0);
            assertThat(meters.get("shareflow.outbox.backlog").gauge().value()).isZero();
            assertThat(meters.get("shareflow.outbox.parked").gauge().value()).isZero();
        });
    }

    /**
     * The relay's own connections (not the pool's) get the driver properties the service gives its pool, e.g. the
     * socket timeout that ends a wait on a database gone silent; the URL's own parameter still wins.
     */
    @Test
    void theRelaysConnectionsGetThePoolsDriverProperties() {
        contextOn("outbox_autoconfig_driver_it")
                .withPropertyValues("spring.datasource.hikari.data-source-properties.socketTimeout=7")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    Map<String, String> properties = OutboxAutoConfiguration.poolDriverProperties(context.getEnvironment());
                    assertThat(properties).containsExactly(Map.entry("socketTimeout", "7"));
                    String url = context.getEnvironment().getProperty("spring.datasource.url");
                    try (Connection relay = RelayConnectionFactory.of(url, "postgres", "", properties).open()) {
                        assertThat(relay.getNetworkTimeout()).as("ms").isEqualTo(7000);
                    }
                    try (Connection relay = RelayConnectionFactory.of(url + "?socketTimeout=3", "postgres", "",
                            properties).open()) {
                        assertThat(relay.getNetworkTimeout()).as("the URL's, ms").isEqualTo(3000);
                    }
                });
        assertThat(OutboxAutoConfiguration.poolDriverProperties(new StandardEnvironment())).isEmpty();
    }

    /**
     * A database set up before a new outbox migration shipped: the outbox's 0.1 and the service's
     * V1 are applied. The outbox's newer 0.x migrations sort below V1 and still get applied.
     */
    @Test
    void anOutboxMigrationShippedAfterTheServicesOwnIsAppliedOnUpgrade() {
        String database = "outbox_autoconfig_upgrade_it";
        SharedInfrastructure.postgres().createDatabase(database);
        DataSource dataSource = SharedInfrastructure.postgres().dataSource(database);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/outbox").target("0.1").load().migrate();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/it-service")
                .ignoreMigrationPatterns("*:missing").load().migrate();

        contextOn(database).withPropertyValues("spring.flyway.locations=classpath:db/it-service",
                "shareflow.outbox.relay.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(JdbcClient.class)
                    .sql("select version from flyway_schema_history where success order by installed_rank")
                    .query(String.class).list()).containsExactly("0.1", "1", "0.2", "0.3");
        });
    }

    @Test
    void withTheRelayDisabledEventsWaitAndTheBacklogGaugeShowsThem() {
        String topic = OutboxTestSupport.newTopic(kafka, 1);
        contextOn("outbox_autoconfig_disabled_it")
                .withPropertyValues("shareflow.outbox.relay.enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(OutboxRelay.class);
                    TransactionTemplate tx = context.getBean(TransactionTemplate.class);
                    ProcessedEvents processed = context.getBean(ProcessedEvents.class);
                    UUID eventId = UUID.randomUUID();
                    tx.executeWithoutResult(s -> {
                        for (int i = 0; i < 3; i++) {
                            UserUpserted e = event(UUID.randomUUID(), i);
                            context.getBean(OutboxWriter.class).append(topic, "user", e.getUserId().toString(), e);
                        }
                        assertThat(processed.markProcessed("it", eventId)).isTrue();
                    });
                    Boolean again = tx.execute(s -> processed.markProcessed("it", eventId));
                    assertThat(again).isFalse();

                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    assertThat(meters.get("shareflow.outbox.backlog").gauge().value()).isEqualTo(3.0);
                    assertThat(meters.get("shareflow.outbox.oldest.pending.age").gauge().value()).isGreaterThanOrEqualTo(0.0);
                    long pending = context.getBean(JdbcClient.class)
                            .sql("select count(*) from outbox_event where published_at is null").query(Long.class).single();
                    assertThat(pending).isEqualTo(3);
                });
    }
}
