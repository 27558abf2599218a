package io.shareflow.notifier.notification;

import java.util.Objects;
import java.util.UUID;

import io.shareflow.notifier.mail.Invitation;

/**
 * A share event's request to notify its recipient: the original invitation ({@code resend = 0})
 * or re-send number {@code resend}.
 *
 * @param eventId        the asking event's id; the send log's key, so one event sends at most once
 * @param shareId        the share
 * @param resend         0 for the original invitation, N for re-send N
 * @param recipientEmail where to send it, as given
 * @param sendEmail      false when the sharer asked for no e-mail (notify = false)
 * @param invitation     what the e-mail says, apart from the link
 * @param sealedLink     the link that opens the share, sealed ({@link LinkSealer}); null when the event carried none
 */
record NotificationRequest(UUID eventId, UUID shareId, int resend, String recipientEmail, boolean sendEmail,
                           Invitation invitation, byte[] sealedLink) {

    NotificationRequest {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(shareId, "shareId");
        Objects.requireNonNull(recipientEmail, "recipientEmail");
        Objects.requireNonNull(invitation, "invitation");
        if (resend < 0) {
            throw new IllegalArgumentException("resend must be >= 0: " + resend);
        }
    }

    @Override
    public String toString() {
        return "NotificationRequest[eventId=" + eventId + ", shareId=" + shareId + ", resend=" + resend + "]";
    }

    /** The same for every attempt at this share's invitation or re-send, so duplicates are recognisable. */
    String messageId() {
        return messageId(shareId, resend);
    }

    static String messageId(UUID shareId, int resend) {
        return "<share-" + shareId + "-" + resend + "@shareflow>";
    }
}
