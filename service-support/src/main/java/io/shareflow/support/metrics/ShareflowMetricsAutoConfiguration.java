package io.shareflow.support.metrics;

import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * The meters every service has beyond Boot's own: the process's RSS ({@link ProcessMemoryMetrics}). Boot's actuator
 * binds them to its registry; without one they are simply unused. Dead letters are counted by the Kafka
 * auto-configuration, HTTP histograms set up by {@link MetricsDefaults}.
 */
@AutoConfiguration
@ConditionalOnClass(MeterBinder.class)
public final class ShareflowMetricsAutoConfiguration {

    @Bean
    MeterBinder shareflowProcessMemoryMetrics() {
        return new ProcessMemoryMetrics();
    }
}
