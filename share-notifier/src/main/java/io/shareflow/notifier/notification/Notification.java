package io.shareflow.notifier.notification;

import java.util.UUID;

import io.shareflow.notifier.mail.OutgoingEmail;
import io.shareflow.notifier.mail.RenderedEmail;

/**
 * A row of the send log that a worker has claimed for an attempt.
 *
 * @param attempts attempts made so far, the claimed one included (1 for the first)
 */
record Notification(UUID eventId, UUID shareId, int resend, String messageId, String recipientEmail,
                    String replyToEmail, String replyToName, String subject, String text, String html, int attempts) {

    OutgoingEmail toEmail() {
        return new OutgoingEmail(messageId, recipientEmail, replyToEmail, replyToName,
                new RenderedEmail(subject, text, html));
    }
}
