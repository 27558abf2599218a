package io.shareflow.api.status.model;

/**
 * How far share-notifier got with an invitation (a direct share's, or that of one recipient of a link). FAILED is
 * the only outcome that may still change (a re-sent invitation can succeed); SENT and SKIPPED are final.
 */
public enum Notification {
    PENDING, FAILED, SENT, SKIPPED;

    /** Sent, or nothing to send: the invitation is done. */
    public boolean isFinal() {
        return this == SENT || this == SKIPPED;
    }

    /**
     * The state after share-notifier reported {@code outcome}: a final state is kept, a success replaces a failure,
     * and PENDING is no outcome. Returns {@code this} when nothing changes.
     */
    public Notification after(Notification outcome) {
        if (isFinal() || outcome == PENDING) {
            return this;
        }
        return outcome;
    }
}
