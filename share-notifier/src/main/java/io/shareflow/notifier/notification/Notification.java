package io.shareflow.notifier.notification;

import java.util.UUID;

import io.shareflow.notifier.mail.Invitation;
import io.shareflow.notifier.mail.LinkInvitation;
import io.shareflow.notifier.mail.RegistrationInvitation;
import io.shareflow.notifier.mail.RenderedEmail;

/**
 * A row of the send log that a batch has claimed for an attempt. It holds what to render — a direct share's
 * invitation, a share by link's e-mail to one recipient, or a new user's registration e-mail — and its link still
 * sealed; only a row written before the send log kept links sealed (Flyway V1) holds the e-mail as it was rendered
 * then instead, and is sent as it is until the last of them is final.
 *
 * @param eventId           the asking event; with {@code recipientPosition} the row's key
 * @param recipientPosition the recipient's position among the event's recipients; 0 for a direct share and a
 *                          registration
 * @param shareId           the share; null for a registration e-mail
 * @param userId            the user a registration e-mail is for; null for a share's e-mail
 * @param attempts          attempts made so far, the claimed one included (1 for the first)
 * @param invitation        what a direct share's e-mail says; null for the others and in a row written before V2
 * @param linkInvitation    what a share by link's e-mail says; null for the others
 * @param registration      what a registration e-mail says; null for the others
 * @param sealedLink        the link, sealed; null only in a row written before V2
 * @param rendered          the e-mail rendered when a row before V2 was written; null in every newer row
 * @param traceparent       the W3C traceparent of the span that took the row from its event; null in a row written
 *                          before V7
 */
record Notification(UUID eventId, int recipientPosition, UUID shareId, UUID userId, int resend, String messageId,
                    String recipientEmail, String replyToEmail, String replyToName, int attempts, Invitation invitation,
                    LinkInvitation linkInvitation, RegistrationInvitation registration, byte[] sealedLink,
                    RenderedEmail rendered, String traceparent) {

    /** A registration e-mail: of a user, not of a share, so it reports nothing on the notifications topic. */
    boolean isRegistration() {
        return registration != null;
    }

    /** For log lines: {@code share <id>} or {@code user <id>}. */
    String about() {
        return isRegistration() ? "user " + userId : "share " + shareId;
    }

    @Override
    public String toString() {
        return "Notification[eventId=" + eventId + ", recipientPosition=" + recipientPosition + ", "
                + about() + ", messageId=" + messageId + ", attempts=" + attempts + "]";
    }
}
