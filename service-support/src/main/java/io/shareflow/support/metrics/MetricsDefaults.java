package io.shareflow.support.metrics;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * HTTP request timers with histogram buckets ({@code http_server_requests_seconds_bucket}), so Prometheus can compute
 * a p99 over all instances of a service ({@code histogram_quantile}); a percentile computed inside each instance
 * cannot be combined. Bounded to 1 ms – 10 s, which keeps the buckets per series to a few dozen.
 *
 * <p>Added as the environment's <em>last</em> source, so a service's {@code application.yml} or an environment
 * variable ({@code MANAGEMENT_METRICS_DISTRIBUTION_...}) overrides it.
 */
public final class MetricsDefaults implements EnvironmentPostProcessor {

    /** Name of the property source holding these defaults. */
    public static final String PROPERTY_SOURCE_NAME = "shareflowMetricsDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of(
                "management.metrics.distribution.percentiles-histogram.http.server.requests", "true",
                "management.metrics.distribution.minimum-expected-value.http.server.requests", "1ms",
                "management.metrics.distribution.maximum-expected-value.http.server.requests", "10s")));
    }
}
