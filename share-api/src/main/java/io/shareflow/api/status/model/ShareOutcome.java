package io.shareflow.api.status.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What another service reported about a share: the outcome of provisioning its recipient or of
 * notifying them.
 *
 * @param eventId        the reporting event, for de-duplication
 * @param occurredAt     when it happened, the time of the history entry
 * @param cause          how the history names it, e.g. {@code RecipientProvisioned(USER_CREATED)}
 * @param recipientEmail for a notification outcome, the address the e-mail went (or failed to go) to; null when
 *                       the report does not say (version-1 events, provisioning outcomes). It picks the recipient of
 *                       a link; a direct share has only one and ignores it.
 * @param reason         why provisioning refused the recipient, kept with the share so that its link can say why
 *                       (at most 1,000 characters); null for every other outcome
 */
public record ShareOutcome(UUID eventId, Instant occurredAt, UUID shareId, Provisioning provisioning,
                           Notification notification, String cause, String recipientEmail, String reason) {

    private static final int MAX_CAUSE_LENGTH = 200;
    private static final int MAX_REASON_LENGTH = 1000;

    public ShareOutcome {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(shareId, "shareId");
        if ((provisioning == null) == (notification == null)) {
            throw new IllegalArgumentException("exactly one of provisioning and notification");
        }
        cause = cause.length() > MAX_CAUSE_LENGTH ? cause.substring(0, MAX_CAUSE_LENGTH - 1) + "…" : cause;
        recipientEmail = recipientEmail == null || recipientEmail.isBlank() ? null : recipientEmail.strip();
        reason = reason == null || reason.isBlank() ? null
                : reason.length() > MAX_REASON_LENGTH ? reason.substring(0, MAX_REASON_LENGTH - 1) + "…" : reason;
    }

    public ShareOutcome(UUID eventId, Instant occurredAt, UUID shareId, Provisioning provisioning,
                        Notification notification, String cause, String recipientEmail) {
        this(eventId, occurredAt, shareId, provisioning, notification, cause, recipientEmail, null);
    }

    public ShareOutcome(UUID eventId, Instant occurredAt, UUID shareId, Provisioning provisioning,
                        Notification notification, String cause) {
        this(eventId, occurredAt, shareId, provisioning, notification, cause, null);
    }

    /** The recipient's account was found ({@code EXISTING_USER}) or created ({@code USER_CREATED}). */
    public static ShareOutcome provisioned(UUID eventId, Instant occurredAt, UUID shareId, Provisioning outcome) {
        // NONE is a link's own state, never what provisioning reports.
        if (!outcome.isProvisioned() || outcome == Provisioning.NONE) {
            throw new IllegalArgumentException("not a provisioned outcome: " + outcome);
        }
        return new ShareOutcome(eventId, occurredAt, shareId, outcome, null, "RecipientProvisioned(" + outcome + ")");
    }

    /** Provisioning refused the recipient, for a reason that may be shown to the sharer. */
    public static ShareOutcome rejected(UUID eventId, Instant occurredAt, UUID shareId, String reason) {
        return new ShareOutcome(eventId, occurredAt, shareId, Provisioning.REJECTED, null,
                reason == null || reason.isBlank() ? "RecipientRejected" : "RecipientRejected(" + reason + ")", null,
                reason);
    }

    /** The invitation was sent, or deliberately not sent ({@code skipped}, for {@code notify: false}). */
    public static ShareOutcome notified(UUID eventId, Instant occurredAt, UUID shareId, boolean skipped) {
        return notified(eventId, occurredAt, shareId, skipped, null);
    }

    /** As {@link #notified(UUID, Instant, UUID, boolean)}, to {@code recipientEmail} (null = not said). */
    public static ShareOutcome notified(UUID eventId, Instant occurredAt, UUID shareId, boolean skipped,
                                        String recipientEmail) {
        return skipped
                ? new ShareOutcome(eventId, occurredAt, shareId, null, Notification.SKIPPED, "NotificationSent(skipped)",
                recipientEmail)
                : new ShareOutcome(eventId, occurredAt, shareId, null, Notification.SENT, "NotificationSent",
                recipientEmail);
    }

    /** The invitation could not be delivered. */
    public static ShareOutcome notificationFailed(UUID eventId, Instant occurredAt, UUID shareId, boolean permanent) {
        return notificationFailed(eventId, occurredAt, shareId, permanent, null, null);
    }

    /**
     * As {@link #notificationFailed(UUID, Instant, UUID, boolean)}, to {@code recipientEmail} (null = not said), for
     * the notifier's {@code reason} (null = not said), which the history keeps so that the sharer and an operator
     * see why without the notifier's logs, e.g. {@code NotificationFailed(permanent: 550 5.1.1 no such user)}.
     */
    public static ShareOutcome notificationFailed(UUID eventId, Instant occurredAt, UUID shareId, boolean permanent,
                                                  String recipientEmail, String reason) {
        String kind = permanent ? "permanent" : "retries exhausted";
        String why = reason == null || reason.isBlank() ? "" : ": " + reason.strip().replaceAll("\\s+", " ");
        return new ShareOutcome(eventId, occurredAt, shareId, null, Notification.FAILED,
                "NotificationFailed(" + kind + why + ")", recipientEmail);
    }

    /** How the history of a link names this outcome for one of its recipients, e.g. {@code NotificationSent to a@b.c}. */
    public String recipientCause() {
        String named = recipientEmail == null ? cause : cause + " to " + recipientEmail;
        return named.length() > MAX_CAUSE_LENGTH ? named.substring(0, MAX_CAUSE_LENGTH - 1) + "…" : named;
    }

    /** The state after this outcome; equal to {@code progress} when it changes nothing. */
    public ShareProgress applyTo(ShareProgress progress) {
        return provisioning != null ? progress.withProvisioning(provisioning) : progress.withNotification(notification);
    }
}
