package io.shareflow.outbox;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Supplies the W3C {@code traceparent} of the current trace, stamped on every outbox event so a
 * consumer can continue the trace. With Micrometer Tracing present, {@link OutboxAutoConfiguration}
 * provides the active span's ({@link ActiveSpanTraceparent}); without, a new sampled trace per event,
 * so the header is always present.
 */
@FunctionalInterface
public interface TraceparentSource {

    Optional<String> current();

    /** A fresh random trace id and span id per call (version 00, sampled). */
    static TraceparentSource newTracePerEvent() {
        return () -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            HexFormat hex = HexFormat.of();
            byte[] traceId = new byte[16];
            byte[] spanId = new byte[8];
            random.nextBytes(traceId);
            random.nextBytes(spanId);
            return Optional.of("00-" + hex.formatHex(traceId) + "-" + hex.formatHex(spanId) + "-01");
        };
    }
}
