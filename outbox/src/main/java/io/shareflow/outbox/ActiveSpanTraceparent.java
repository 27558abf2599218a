package io.shareflow.outbox;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The {@code traceparent} of Micrometer Tracing's current span, written by the service's propagator (W3C), so a
 * consumer's span is a child of the span that appended the event. Where no span is current (a scheduled sweep with
 * its observation off, a thread of the service's own) or no tracer is configured, a new trace per event, as without
 * tracing. Tracer and propagator are looked up at the first event: the outbox is configured before them.
 */
final class ActiveSpanTraceparent implements TraceparentSource {

    private static final String TRACEPARENT = "traceparent";
    private static final TraceparentSource NEW_TRACE = TraceparentSource.newTracePerEvent();

    private final ObjectProvider<Tracer> tracers;
    private final ObjectProvider<Propagator> propagators;
    private volatile Tracer tracer;
    private volatile Propagator propagator;

    ActiveSpanTraceparent(ObjectProvider<Tracer> tracers, ObjectProvider<Propagator> propagators) {
        this.tracers = tracers;
        this.propagators = propagators;
    }

    @Override
    public Optional<String> current() {
        if (tracer == null) {
            propagator = propagators.getIfAvailable(() -> Propagator.NOOP);
            tracer = tracers.getIfAvailable(() -> Tracer.NOOP);
        }
        Span span = tracer.currentSpan();
        if (span == null) {
            return NEW_TRACE.current();
        }
        // An unsampled span is injected too (flags 00): the consumers continue its trace id, sampled or not.
        Map<String, String> headers = new HashMap<>(4);
        propagator.inject(span.context(), headers, Map::put);
        String traceparent = headers.get(TRACEPARENT);
        return traceparent == null ? NEW_TRACE.current() : Optional.of(traceparent);
    }
}
