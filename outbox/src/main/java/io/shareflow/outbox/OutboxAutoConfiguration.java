package io.shareflow.outbox;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.flywaydb.core.api.Location;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wires the outbox into a Spring Boot service: {@link OutboxWriter} (stamping the active span's
 * {@code traceparent} when Micrometer Tracing is present), {@link ProcessedEvents},
 * the {@link OutboxRelay} (unless {@code shareflow.outbox.relay.enabled=false}; it also deletes expired
 * published and processed-event rows), its meters, and
 * the outbox's Flyway migrations ({@code classpath:db/outbox}) into the service's own Flyway.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(OutboxSettings.class)
public class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OutboxWriter outboxWriter(DataSource dataSource, OutboxSettings settings, Environment environment,
                              ObjectProvider<TraceparentSource> traceparents) {
        String source = settings.eventSource().isBlank()
                ? "/shareflow/" + environment.getProperty("spring.application.name", "unknown")
                : settings.eventSource();
        return new OutboxWriter(JdbcClient.create(dataSource), source,
                traceparents.getIfAvailable(TraceparentSource::newTracePerEvent));
    }

    /**
     * With Micrometer Tracing: the active span's {@code traceparent}, so each event continues the trace of the
     * request or record that wrote it (a new trace per event where no span is active).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tracer.class)
    static class OutboxTracing {

        @Bean
        @ConditionalOnMissingBean
        TraceparentSource traceparentSource(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
            return new ActiveSpanTraceparent(tracer, propagator);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    ProcessedEvents processedEvents(DataSource dataSource) {
        return new ProcessedEvents(JdbcClient.create(dataSource));
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxMetrics outboxMetrics(ObjectProvider<MeterRegistry> registry, DataSource dataSource) {
        return new OutboxMetrics(registry.getIfAvailable(SimpleMeterRegistry::new), JdbcClient.create(dataSource));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "shareflow.outbox.relay", name = "enabled", matchIfMissing = true)
    OutboxRelay outboxRelay(DataSourceProperties dataSource, KafkaProperties kafka, OutboxSettings settings,
                            OutboxMetrics metrics, Environment environment) {
        return new OutboxRelay(
                RelayConnectionFactory.of(dataSource.determineUrl(), dataSource.determineUsername(),
                        dataSource.determinePassword(), poolDriverProperties(environment)),
                kafka.buildProducerProperties(), settings.relay(), settings.processedEventRetention(), metrics);
    }

    /**
     * The driver properties the service gives its pool ({@code spring.datasource.hikari.data-source-properties}, e.g.
     * a socket timeout): the relay's own connections talk to the same database and get the same.
     */
    static Map<String, String> poolDriverProperties(Environment environment) {
        return Binder.get(environment).bind("spring.datasource.hikari.data-source-properties",
                Bindable.mapOf(String.class, String.class)).orElse(Map.of());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(FlywayConfigurationCustomizer.class)
    static class OutboxMigrations {

        /**
         * Adds the outbox's own migrations to the service's Flyway (versions {@code 0.x}, below
         * the service's). A library's new migration arrives after the service's own are applied,
         * so it must be allowed to run out of order.
         */
        @Bean
        FlywayConfigurationCustomizer outboxFlywayLocation() {
            return configuration -> configuration.outOfOrder(true).locations(Stream.concat(
                    Arrays.stream(configuration.getLocations()),
                    Stream.of(new Location("classpath:db/outbox"))).toArray(Location[]::new));
        }
    }
}
