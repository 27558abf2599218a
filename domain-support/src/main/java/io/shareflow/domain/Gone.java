package io.shareflow.domain;

/**
 * The thing asked for existed but can no longer be used (HTTP 410), e.g. a registration link already used or
 * expired. The message is shown to the client.
 */
public final class Gone extends RuntimeException {

    public Gone(String message) {
        super(message, null, false, false);
    }
}
