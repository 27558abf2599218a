package io.shareflow.domain;

/**
 * Something is wrong with the request itself (HTTP 400) that only the domain can tell, e.g. a user id
 * that is not a user of the caller's organisation. {@code field} names it as the client wrote it,
 * e.g. {@code recipients[1].userId}. Checks of a field on its own are Bean Validation at the web edge.
 */
public final class InvalidRequest extends RuntimeException {

    private final String field;

    /** Both arguments not null; the message completes "Invalid value for {field}: …". */
    public InvalidRequest(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    /** The offending field's path in the request, never null. */
    public String field() {
        return field;
    }
}
