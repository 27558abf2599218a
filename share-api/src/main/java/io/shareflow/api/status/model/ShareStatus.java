package io.shareflow.api.status.model;

import java.time.Instant;

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
    /** expiresAt passed. */
    EXPIRED(2),
    /** Provisioning refused the recipient; the link does not work. Outranks an expiry (DESIGN.md). */
    REJECTED(3),
    /** Revoked by a user. */
    REVOKED(4);

    private final int rank;

    ShareStatus(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    /** REVOKED, REJECTED or EXPIRED: the share no longer works, and cannot be changed or re-sent. */
    public boolean isFinal() {
        return this == REVOKED || this == REJECTED || this == EXPIRED;
    }

    /**
     * The status a share stored with this status has at {@code now}: EXPIRED from the instant its expiry passes, before
     * any sweep has stored it; a final status is kept (REVOKED and REJECTED outrank EXPIRED).
     *
     * @param expiresAt null = never
     */
    public ShareStatus at(Instant expiresAt, Instant now) {
        return !isFinal() && expiresAt != null && !now.isBefore(expiresAt) ? EXPIRED : this;
    }
}
