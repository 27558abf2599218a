package io.shareflow.support.tracing;

import java.util.UUID;

import org.slf4j.MDC;

/**
 * What the work at hand is about, in the MDC of every log line written meanwhile (a field of each JSON line, next to
 * the trace's {@code traceId} and {@code spanId}): the one way every service names the share or the user.
 *
 * <pre>{@code
 * try (var logContext = LogContext.share(event.getShareId())) {
 *     handler.accept(...);
 * }
 * }</pre>
 */
public final class LogContext {

    public static final String SHARE_ID = "shareId";
    public static final String USER_ID = "userId";

    private LogContext() {
    }

    /** {@code shareId} until closed (a link's id is its share id). */
    public static MDC.MDCCloseable share(UUID shareId) {
        return MDC.putCloseable(SHARE_ID, shareId.toString());
    }

    /** {@code userId} until closed: work about a user rather than a share (a registration e-mail, the directory). */
    public static MDC.MDCCloseable user(UUID userId) {
        return MDC.putCloseable(USER_ID, userId.toString());
    }
}
