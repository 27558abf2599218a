package io.shareflow.notifier.notification;

import java.util.UUID;

import io.shareflow.notifier.mail.Invitation;
import io.shareflow.notifier.mail.LinkInvitation;
import io.shareflow.notifier.mail.RenderedEmail;

/**
 * A row of the send log that a worker has claimed for an attempt. It holds what to render — a direct share's
 * invitation or a share by link's e-mail to one recipient — and its link still sealed; only a row written before the
 * send log kept links sealed (Flyway V1) holds the e-mail as it was rendered then instead, and is sent as it is until
 * the last of them is final.
 *
 * @param eventId           the asking event; with {@code recipientPosition} the row's key
 * @param recipientPosition the recipient's position among the event's recipients; 0 for a direct share
 * @param attempts          attempts made so far, the claimed one included (1 for the first)
 * @param invitation        what a direct share's e-mail says; null for a link's and in a row written before V2
 * @param linkInvitation    what a share by link's e-mail says; null for a direct share's
 * @param sealedLink        the link, sealed; null only in a row written before V2
 * @param rendered          the e-mail rendered when a row before V2 was written; null in every newer row
 */
record Notification(UUID eventId, int recipientPosition, UUID shareId, int resend, String messageId,
                    String recipientEmail, String replyToEmail, String replyToName, int attempts, Invitation invitation,
                    LinkInvitation linkInvitation, byte[] sealedLink, RenderedEmail rendered) {

    @Override
    public String toString() {
        return "Notification[eventId=" + eventId + ", recipientPosition=" + recipientPosition + ", shareId=" + shareId
                + ", messageId=" + messageId + ", attempts=" + attempts + "]";
    }
}
