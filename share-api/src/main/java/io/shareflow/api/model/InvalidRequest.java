package io.shareflow.api.model;

/**
 * Something is wrong with the request itself (HTTP 400): a missing or malformed field, a value out
 * of range. {@code field} names it as the client wrote it, e.g. {@code recipients[1].email}.
 */
public final class InvalidRequest extends RuntimeException {

    private final String field;

    public InvalidRequest(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The offending field's path in the request, never null. */
    public String field() {
        return field;
    }
}
