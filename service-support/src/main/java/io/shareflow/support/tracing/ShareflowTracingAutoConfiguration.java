package io.shareflow.support.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@link TraceContinuation} on Boot's tracer (Brave); without one (tracing switched off with
 * {@code management.tracing.enabled=false}) on Micrometer's no-op tracer, so the code that continues traces need not
 * know.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration"})
public class ShareflowTracingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TraceContinuation traceContinuation(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new TraceContinuation(tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP));
    }
}
