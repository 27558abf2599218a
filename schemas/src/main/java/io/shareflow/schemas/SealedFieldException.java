package io.shareflow.schemas;

/** A sealed value that cannot be opened; permanent: trying again does not help. The message names no secret. */
public final class SealedFieldException extends RuntimeException {

    /** Why the value does not open. */
    public enum Reason { TRUNCATED, UNKNOWN_FORMAT, UNKNOWN_KEY, TAMPERED }

    private final Reason reason;

    public SealedFieldException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
