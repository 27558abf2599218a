package io.shareflow.support.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class MetricsDefaultsTest {

    private static final String HISTOGRAM = "management.metrics.distribution.percentiles-histogram.http.server.requests";

    @Test
    void httpRequestTimersGetHistogramBucketsUnlessTheServiceSaysOtherwise() {
        StandardEnvironment environment = new StandardEnvironment();
        new MetricsDefaults().postProcessEnvironment(environment, null);
        assertThat(environment.getProperty(HISTOGRAM)).isEqualTo("true");
        assertThat(environment.getProperty("management.metrics.distribution.maximum-expected-value.http.server.requests"))
                .isEqualTo("10s");

        StandardEnvironment overridden = new StandardEnvironment();
        overridden.getPropertySources().addFirst(new MapPropertySource("service", Map.of(HISTOGRAM, "false")));
        new MetricsDefaults().postProcessEnvironment(overridden, null);
        assertThat(overridden.getProperty(HISTOGRAM)).isEqualTo("false");
    }
}
