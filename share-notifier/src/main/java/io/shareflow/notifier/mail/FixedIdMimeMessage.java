package io.shareflow.notifier.mail;

import java.io.IOException;
import java.io.OutputStream;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A MIME message that keeps the Message-ID it is given ({@link MimeMessage#saveChanges()} would
 * otherwise invent a new one on every send), and remembers whether its content was written out
 * completely, i.e. handed to the SMTP connection in full.
 */
final class FixedIdMimeMessage extends MimeMessage {

    private final String messageId;
    private volatile boolean contentWritten;

    FixedIdMimeMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }

    @Override
    public void writeTo(OutputStream os, String[] ignoreList) throws IOException, MessagingException {
        super.writeTo(os, ignoreList);
        contentWritten = true;
    }

    /**
     * Whether the whole message was written to a stream. Only SMTP's DATA phase writes it here, so
     * after a failed send this says whether the server may have received the message: if it did
     * and only its reply was lost, sending again could deliver it twice.
     */
    boolean contentWritten() {
        return contentWritten;
    }
}
