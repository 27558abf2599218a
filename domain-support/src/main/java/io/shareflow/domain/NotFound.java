package io.shareflow.domain;

/**
 * The thing asked for does not exist for the caller (HTTP 404). Another organisation's things are
 * reported as not found too, so their existence is not revealed. The message is shown to the client.
 */
public final class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message, null, false, false);
    }
}
