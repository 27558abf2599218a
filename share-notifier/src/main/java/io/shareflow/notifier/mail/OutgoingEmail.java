package io.shareflow.notifier.mail;

import java.util.Objects;

/**
 * One e-mail to one recipient.
 *
 * @param messageId   the Message-ID header, angle brackets included, e.g. {@code <share-…-0@shareflow>}; not null
 * @param to          the recipient's address; not null (an invalid one fails the send permanently)
 * @param replyTo     the sharer's address for Reply-To; null, or invalid, for none
 * @param replyToName the sharer's display name for Reply-To; null for none
 * @param content     subject and bodies; not null
 */
public record OutgoingEmail(String messageId, String to, String replyTo, String replyToName, RenderedEmail content) {

    public OutgoingEmail {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(content, "content");
    }
}
