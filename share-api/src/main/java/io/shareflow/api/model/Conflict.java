package io.shareflow.api.model;

/** The request conflicts with the state of the server (HTTP 409), e.g. an Idempotency-Key reused for another request. */
public final class Conflict extends RuntimeException {

    public Conflict(String message) {
        super(message);
    }
}
