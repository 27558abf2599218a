package io.shareflow.api.status.model;

/**
 * The status of a share, in the order it may move: a share never goes to a status of lower
 * {@link #rank()} (a late or replayed event never turns REVOKED back into ACTIVE). PENDING and
 * NOTIFICATION_FAILED share a rank: a re-sent invitation that succeeds before the recipient's
 * account is ready takes a share from NOTIFICATION_FAILED back to PENDING.
 */
public enum ShareStatus {
    /** Accepted; provisioning and/or notification not finished. */
    PENDING(0),
    /** The share works, but the invitation could not be delivered; it can be re-sent. */
    NOTIFICATION_FAILED(0),
    /** Recipient account found or created, and the invitation sent (or not wanted). */
    ACTIVE(1),
    /** Provisioning refused the recipient; the link does not work. */
    REJECTED(2),
    /** expiresAt passed. */
    EXPIRED(3),
    /** Revoked by a user. */
    REVOKED(4);

    private final int rank;

    ShareStatus(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }
}
