package io.shareflow.api.status.model;

import java.util.Objects;

/**
 * The state of a share as the outcomes of provisioning and notification and the users' actions
 * made it; {@link #status()} is derived from them.
 *
 * <p>The state machine only moves forward: provisioning and notification outcomes are kept once
 * final (the first final outcome wins, except that a failed notification may later succeed), user
 * actions are never undone, and {@link #status()} never drops to a lower {@link ShareStatus#rank()}.
 * Applying an outcome that changes nothing returns an equal instance, which callers use to skip
 * writes and history entries for late or replayed events.
 *
 * @param revoked a user revoked the share
 * @param expired its expiry passed
 */
public record ShareProgress(Provisioning provisioning, Notification notification, boolean revoked, boolean expired) {

    public ShareProgress {
        Objects.requireNonNull(provisioning, "provisioning");
        Objects.requireNonNull(notification, "notification");
    }

    /** A new share: nothing done yet; no invitation wanted when {@code notify} is false. */
    public static ShareProgress requested(boolean notify) {
        return new ShareProgress(Provisioning.PENDING, notify ? Notification.PENDING : Notification.SKIPPED,
                false, false);
    }

    /**
     * A new link: nothing to provision ({@link Provisioning#NONE}) and no invitation on the share itself (its
     * e-mails are tracked per recipient), so it is ACTIVE from its creation and only user actions move it.
     */
    public static ShareProgress link() {
        return new ShareProgress(Provisioning.NONE, Notification.SKIPPED, false, false);
    }

    /** The state stored for a share; the user actions are read back from its status. */
    public static ShareProgress of(ShareStatus status, Provisioning provisioning, Notification notification) {
        return new ShareProgress(provisioning, notification, status == ShareStatus.REVOKED,
                status == ShareStatus.EXPIRED);
    }

    /** The status these facts make, by precedence: revoked, refusal, expiry, failed e-mail, done, pending. */
    public ShareStatus status() {
        return derive(provisioning, notification, revoked, expired);
    }

    /** The pure status function, see {@link #status()}. */
    public static ShareStatus derive(Provisioning provisioning, Notification notification, boolean revoked,
                                     boolean expired) {
        if (revoked) {
            return ShareStatus.REVOKED;
        }
        // DESIGN.md: REVOKED over REJECTED over EXPIRED (a rejected share that later passes its expiry stays REJECTED).
        if (provisioning == Provisioning.REJECTED) {
            return ShareStatus.REJECTED;
        }
        if (expired) {
            return ShareStatus.EXPIRED;
        }
        if (notification == Notification.FAILED) {
            return ShareStatus.NOTIFICATION_FAILED;
        }
        if (provisioning.isProvisioned() && notification.isFinal()) {
            return ShareStatus.ACTIVE;
        }
        return ShareStatus.PENDING;
    }

    /** Provisioning reported its outcome; ignored once provisioning has a final outcome. */
    public ShareProgress withProvisioning(Provisioning outcome) {
        Objects.requireNonNull(outcome, "outcome");
        if (provisioning.isFinal() || !outcome.isFinal()) {
            return this;
        }
        return forwardOnly(new ShareProgress(outcome, notification, revoked, expired));
    }

    /** Notification reported its outcome; a success replaces a failure, nothing replaces a success. */
    public ShareProgress withNotification(Notification outcome) {
        Objects.requireNonNull(outcome, "outcome");
        Notification next = notification.after(outcome);
        if (next == notification) {
            return this;
        }
        return forwardOnly(new ShareProgress(provisioning, next, revoked, expired));
    }

    /**
     * The stuck-share sweep gave up waiting ({@link StuckShare}): an invitation still PENDING counts as FAILED (the
     * share becomes NOTIFICATION_FAILED, and a re-send or a late success can still move it); anything else is kept.
     */
    public ShareProgress stuck() {
        return notification == Notification.PENDING ? withNotification(Notification.FAILED) : this;
    }

    /** A user revoked the share; final. */
    public ShareProgress revoke() {
        return revoked ? this : new ShareProgress(provisioning, notification, true, expired);
    }

    /** The share's expiry passed; ignored for a revoked share. A rejected one records it but stays REJECTED. */
    public ShareProgress expire() {
        return revoked || expired ? this : new ShareProgress(provisioning, notification, revoked, true);
    }

    private ShareProgress forwardOnly(ShareProgress next) {
        // A safety net: the rules above never lower the status, but a stored state that no event
        // sequence produces (edited by hand, say) must not be made worse by a late event either.
        return next.status().rank() < status().rank() ? this : next;
    }
}
