package io.shareflow.domain;

import java.util.Map;

/**
 * A well-formed request that a business rule refuses (HTTP 422), e.g. sharing an internal document.
 * {@code details} is what the client needs to understand the refusal; it becomes the error's
 * {@code extension}.
 */
public final class RefusedRequest extends RuntimeException {

    private final Map<String, Object> details;

    /** Both arguments not null; the message is shown to the client. */
    public RefusedRequest(String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.details = Map.copyOf(details);
    }

    /** Never null, possibly empty. */
    public Map<String, Object> details() {
        return details;
    }
}
