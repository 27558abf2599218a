package io.shareflow.api.model;

/**
 * The thing asked for does not exist for the caller (HTTP 404). Another organisation's things are
 * reported as not found too, so their existence is not revealed.
 */
public final class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
