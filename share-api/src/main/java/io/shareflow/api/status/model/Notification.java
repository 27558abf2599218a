package io.shareflow.api.status.model;

/**
 * How far share-notifier got with the invitation. FAILED is the only outcome that may still change
 * (a re-sent invitation can succeed); SENT and SKIPPED are final.
 */
public enum Notification {
    PENDING, FAILED, SENT, SKIPPED;

    /** Sent, or nothing to send: the invitation is done. */
    public boolean isFinal() {
        return this == SENT || this == SKIPPED;
    }
}
