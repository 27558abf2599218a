package io.shareflow.support.tracing;

import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Continues a trace whose W3C {@code traceparent} was stored with the work, for work done later on another thread
 * (share-notifier's dispatch worker sends an e-mail from a row its Kafka listener wrote): a span, child of the stored
 * one, is current until closed, so the log lines meanwhile carry the trace's {@code traceId} and the events appended
 * to the outbox meanwhile carry the span's {@code traceparent}.
 *
 * <pre>{@code
 * try (var trace = traces.continueTrace(row.traceparent(), "notification send")) {
 *     ...
 * }
 * }</pre>
 */
public class TraceContinuation {

    private static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceContinuation(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /**
     * Starts a span named {@code spanName}, child of {@code traceparent}, and makes it current until closed. Without a
     * readable {@code traceparent} (null, a row written before traces were stored) the span starts a new trace.
     */
    public Continued continueTrace(String traceparent, String spanName) {
        Span span = traceparent == null
                ? tracer.nextSpan().name(spanName).start()
                : propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get).name(spanName).start();
        Tracer.SpanInScope scope = tracer.withSpan(span);
        return () -> {
            scope.close();
            span.end();
        };
    }

    /** The continued span while it is current; closing it ends the span. */
    @FunctionalInterface
    public interface Continued extends AutoCloseable {
        @Override
        void close();
    }
}
