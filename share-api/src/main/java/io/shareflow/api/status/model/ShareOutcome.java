package io.shareflow.api.status.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What another service reported about a share: the outcome of provisioning its recipient or of
 * notifying them.
 *
 * @param eventId    the reporting event, for de-duplication
 * @param occurredAt when it happened, the time of the history entry
 * @param cause      how the history names it, e.g. {@code RecipientProvisioned(USER_CREATED)}
 * @param reason     why provisioning refused the recipient, kept with the share so that its link can say why; null
 *                   for every other outcome
 */
public record ShareOutcome(UUID eventId, Instant occurredAt, UUID shareId, Provisioning provisioning,
                           Notification notification, String cause, String reason) {

    private static final int MAX_CAUSE_LENGTH = 200;
    private static final int MAX_REASON_LENGTH = 1000;

    public ShareOutcome {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(shareId, "shareId");
        if ((provisioning == null) == (notification == null)) {
            throw new IllegalArgumentException("exactly one of provisioning and notification");
        }
        cause = shortened(cause, MAX_CAUSE_LENGTH);
        reason = reason == null || reason.isBlank() ? null : shortened(reason, MAX_REASON_LENGTH);
    }

    private static String shortened(String text, int max) {
        return text.length() > max ? text.substring(0, max - 1) + "…" : text;
    }

    /** The recipient's account was found ({@code EXISTING_USER}) or created ({@code USER_CREATED}). */
    public static ShareOutcome provisioned(UUID eventId, Instant occurredAt, UUID shareId, Provisioning outcome) {
        if (!outcome.isProvisioned()) {
            throw new IllegalArgumentException("not a provisioned outcome: " + outcome);
        }
        return new ShareOutcome(eventId, occurredAt, shareId, outcome, null, "RecipientProvisioned(" + outcome + ")",
                null);
    }

    /** Provisioning refused the recipient, for a reason that may be shown to the sharer. */
    public static ShareOutcome rejected(UUID eventId, Instant occurredAt, UUID shareId, String reason) {
        return new ShareOutcome(eventId, occurredAt, shareId, Provisioning.REJECTED, null,
                reason == null || reason.isBlank() ? "RecipientRejected" : "RecipientRejected(" + reason + ")", reason);
    }

    /** The invitation was sent, or deliberately not sent ({@code skipped}, for {@code notify: false}). */
    public static ShareOutcome notified(UUID eventId, Instant occurredAt, UUID shareId, boolean skipped) {
        return skipped
                ? new ShareOutcome(eventId, occurredAt, shareId, null, Notification.SKIPPED, "NotificationSent(skipped)",
                        null)
                : new ShareOutcome(eventId, occurredAt, shareId, null, Notification.SENT, "NotificationSent", null);
    }

    /** The invitation could not be delivered. */
    public static ShareOutcome notificationFailed(UUID eventId, Instant occurredAt, UUID shareId, boolean permanent) {
        return new ShareOutcome(eventId, occurredAt, shareId, null, Notification.FAILED,
                permanent ? "NotificationFailed(permanent)" : "NotificationFailed(retries exhausted)", null);
    }

    /** The state after this outcome; equal to {@code progress} when it changes nothing. */
    public ShareProgress applyTo(ShareProgress progress) {
        return provisioning != null ? progress.withProvisioning(provisioning) : progress.withNotification(notification);
    }
}
