package io.shareflow.domain;

/**
 * The request conflicts with the state of the server (HTTP 409), e.g. an e-mail address already taken or
 * an Idempotency-Key reused for another request. The message is shown to the client.
 */
public final class Conflict extends RuntimeException {

    private final String field;

    public Conflict(String message) {
        this(message, null);
    }

    /** @param field the request field whose value conflicts (e.g. {@code email}); null when none */
    public Conflict(String message, String field) {
        super(message, null, false, false);
        this.field = field;
    }

    /** The conflicting field of the request, or null. */
    public String field() {
        return field;
    }
}
