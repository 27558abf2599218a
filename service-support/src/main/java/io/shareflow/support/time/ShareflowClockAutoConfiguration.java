package io.shareflow.support.time;

import java.time.Clock;
import java.time.ZoneOffset;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of a service: UTC, ticking in milliseconds — the precision of every stored and published
 * timestamp ({@link io.shareflow.domain.StoredTime}), so a response equals what a later read returns and no
 * code truncates the clock's instants by hand. Code asks this bean for the time, never {@code Instant.now()};
 * a test replaces it with a bean of its own. Bean Validation's time constraints ({@code @Future},
 * {@code @Past}, ...) read the same clock.
 */
@AutoConfiguration
public final class ShareflowClockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.tickMillis(ZoneOffset.UTC);
    }

    /** {@code @Future} and its kin ask the service's {@link Clock} bean, not the JVM's clock. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ValidationConfigurationCustomizer.class)
    static class ValidationClock {

        @Bean
        static ValidationConfigurationCustomizer shareflowValidationClock(ObjectProvider<Clock> clock) {
            return configuration -> configuration.clockProvider(clock::getObject);
        }
    }
}
