package io.shareflow.support.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

/** The tracing defaults, and continuing a stored trace on Boot's Brave tracer: what the services rely on. */
class TracingTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT_SPAN_ID = "00f067aa0ba902b7";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(context -> new TracingDefaults().postProcessEnvironment(context.getEnvironment(),
                    new SpringApplication()))
            .withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
                    MicrometerTracingAutoConfiguration.class, BraveAutoConfiguration.class,
                    ShareflowTracingAutoConfiguration.class));

    @Test
    void everyTraceSampledW3cOnlyListenersObservedSecurityNot() {
        StandardEnvironment environment = new StandardEnvironment();
        new TracingDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("1.0");
        assertThat(environment.getProperty("management.tracing.propagation.type")).isEqualTo("w3c");
        assertThat(environment.getProperty("spring.kafka.listener.observation-enabled")).isEqualTo("true");
        assertThat(environment.getProperty("management.observations.enable.spring.security")).isEqualTo("false");
    }

    @Test
    void aServiceSettingWinsOverTheDefault() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("management.tracing.sampling.probability", "0.25");
        new TracingDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("0.25");
    }

    @Test
    void aStoredTraceparentIsContinuedByAChildSpanWithItsIdsInTheMdcUntilClosed() {
        runner.run(context -> {
            Tracer tracer = context.getBean(Tracer.class);
            TraceContinuation traces = context.getBean(TraceContinuation.class);

            try (var trace = traces.continueTrace("00-" + TRACE_ID + "-" + PARENT_SPAN_ID + "-01", "notification send")) {
                Span span = tracer.currentSpan();
                assertThat(span).isNotNull();
                assertThat(span.context().traceId()).isEqualTo(TRACE_ID);
                assertThat(span.context().parentId()).isEqualTo(PARENT_SPAN_ID);
                assertThat(span.context().spanId()).isNotEqualTo(PARENT_SPAN_ID);
                assertThat(span.context().sampled()).isTrue();
                assertThat(MDC.get("traceId")).isEqualTo(TRACE_ID);
                assertThat(MDC.get("spanId")).isEqualTo(span.context().spanId());
            }
            assertThat(tracer.currentSpan()).isNull();
            assertThat(MDC.get("traceId")).isNull();
        });
    }

    @Test
    void withoutATraceparentTheWorkStartsATraceOfItsOwn() {
        runner.run(context -> {
            Tracer tracer = context.getBean(Tracer.class);
            try (var trace = context.getBean(TraceContinuation.class).continueTrace(null, "notification send")) {
                assertThat(tracer.currentSpan().context().traceId()).hasSize(32).isNotEqualTo(TRACE_ID);
                assertThat(tracer.currentSpan().context().parentId()).isNull();
            }
        });
    }

    @Test
    void logContextNamesTheShareOrTheUserUntilClosed() {
        UUID shareId = UUID.randomUUID();
        try (var logContext = LogContext.share(shareId)) {
            assertThat(MDC.get("shareId")).isEqualTo(shareId.toString());
        }
        assertThat(MDC.get("shareId")).isNull();
        UUID userId = UUID.randomUUID();
        try (var logContext = LogContext.user(userId)) {
            assertThat(MDC.get("userId")).isEqualTo(userId.toString());
        }
        assertThat(MDC.get("userId")).isNull();
    }
}
