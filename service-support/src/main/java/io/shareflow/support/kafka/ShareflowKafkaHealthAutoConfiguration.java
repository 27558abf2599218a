package io.shareflow.support.kafka;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The {@code kafka} health component of every service, when Spring Boot's health support is on the
 * classpath (the actuator starter brings it). Switch it off with {@code management.health.kafka.enabled=false};
 * a bean of the service's own named {@code kafka}, {@code kafkaHealthIndicator} or {@code kafkaHealthContributor}
 * replaces it. Kept apart from {@link ShareflowKafkaAutoConfiguration} so that no health type is loaded
 * without the health module.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass({KafkaAdmin.class, HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean(KafkaAdmin.class)
@ConditionalOnEnabledHealthIndicator("kafka")
public final class ShareflowKafkaHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = {"kafka", "kafkaHealthIndicator", "kafkaHealthContributor"})
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
        return new KafkaHealthIndicator(kafkaAdmin.getConfigurationProperties(), KafkaHealthIndicator.DEFAULT_TIMEOUT);
    }
}
