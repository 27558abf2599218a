package io.shareflow.support.web;

import java.io.IOException;

/**
 * Thrown by the request body's stream when a body without (or with a false) {@code Content-Length} passes
 * {@link RequestLimitSettings#maxRequestBody()}. An {@link IOException}, so that every reader of the body (Jackson,
 * Spring's converters) passes it up as a failed read; {@link ApiExceptionHandler} finds it in the cause chain and
 * answers 413.
 */
public final class RequestBodyTooLarge extends IOException {

    private final long limit;

    RequestBodyTooLarge(long limit) {
        super("The request body is larger than " + limit + " bytes.");
        this.limit = limit;
    }

    /** @return the limit that was passed, in bytes */
    public long limit() {
        return limit;
    }

    static String message(long limit) {
        return "The request body is too large; the limit is " + limit + " bytes.";
    }
}
