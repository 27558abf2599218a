package io.shareflow.support.tracing;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * One trace per request across the services, with the least observation that gives it:
 * <ul>
 *   <li>every trace sampled ({@code management.tracing.sampling.probability=1.0}; Boot's default is 0.1): with no
 *       exporter a sampled span costs little more than the ids in the logs, and an unsampled request's log lines
 *       would still carry its trace id but an exporter added later would see a tenth of them;</li>
 *   <li>W3C {@code traceparent} only, in and out ({@code management.tracing.propagation.type=w3c}): the outbox stamps
 *       it on every event, and B3 headers are never sent to these services;</li>
 *   <li>the Kafka listeners observed ({@code spring.kafka.listener.observation-enabled=true}): a record's
 *       {@code traceparent} header becomes the parent of its handling;</li>
 *   <li>Spring Security's observations off ({@code management.observations.enable.spring.security=false}): several
 *       spans per request around the filter chain that serve no trace (the HTTP server's span covers the request).</li>
 * </ul>
 * No JDBC observation is configured, and the KafkaTemplate stays unobserved (the outbox relay publishes each row's
 * stored {@code traceparent} as it is, the parent of the consumers' spans).
 *
 * <p>Added as the environment's <em>last</em> source, so a service's {@code application.yml} or an environment
 * variable ({@code MANAGEMENT_TRACING_SAMPLING_PROBABILITY}) overrides each.
 */
public final class TracingDefaults implements EnvironmentPostProcessor {

    /** Name of the property source holding these defaults. */
    public static final String PROPERTY_SOURCE_NAME = "shareflowTracingDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
            return;
        }
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("management.tracing.sampling.probability", "1.0");
        defaults.put("management.tracing.propagation.type", "w3c");
        defaults.put("spring.kafka.listener.observation-enabled", "true");
        defaults.put("management.observations.enable.spring.security", "false");
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, defaults));
    }
}
