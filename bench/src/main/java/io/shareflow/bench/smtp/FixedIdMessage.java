package io.shareflow.bench.smtp;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A message whose {@code Message-ID} is the one it was given ({@link MimeMessage#saveChanges()} would make a new
 * one), and which says whether any of it has been written to a server yet: a send that failed before that can be
 * tried again on another connection without any risk of a second copy.
 */
final class FixedIdMessage extends MimeMessage {

    private final String messageId;
    private volatile boolean contentWritten;

    FixedIdMessage(Session session, String messageId) {
        super(session);
        this.messageId = Objects.requireNonNull(messageId, "messageId");
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }

    @Override
    public void writeTo(OutputStream os, String[] ignoreList) throws IOException, MessagingException {
        contentWritten = true;
        super.writeTo(os, ignoreList);
    }

    /** Whether a send has begun to write this message (the DATA phase). */
    boolean contentWritten() {
        return contentWritten;
    }
}
