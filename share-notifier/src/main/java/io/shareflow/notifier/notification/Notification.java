package io.shareflow.notifier.notification;

import java.util.UUID;

import io.shareflow.notifier.mail.Invitation;
import io.shareflow.notifier.mail.RenderedEmail;

/**
 * A row of the send log that a worker has claimed for an attempt. It holds what to render, the invitation and its
 * link still sealed; only a row written before the send log kept links sealed (Flyway V1) holds the e-mail as it
 * was rendered then instead, and is sent as it is until the last of them is final.
 *
 * @param attempts   attempts made so far, the claimed one included (1 for the first)
 * @param invitation what the e-mail says; null only in a row written before V2
 * @param sealedLink the link, sealed; null only in a row written before V2
 * @param rendered   the e-mail rendered when a row before V2 was written; null in every newer row
 */
record Notification(UUID eventId, UUID shareId, int resend, String messageId, String recipientEmail,
                    String replyToEmail, String replyToName, int attempts, Invitation invitation, byte[] sealedLink,
                    RenderedEmail rendered) {

    @Override
    public String toString() {
        return "Notification[eventId=" + eventId + ", shareId=" + shareId + ", messageId=" + messageId
                + ", attempts=" + attempts + "]";
    }
}
