package io.shareflow.notifier.mail;

import java.time.Duration;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SMTP connection kept open from message to message, opened at the first one and again after it broke. SMTP
 * trouble is a {@link DeliveryResult}, never an exception. Not thread-safe: each dispatch worker has its own.
 *
 * <ul>
 *   <li>A refusal (an SMTP reply) leaves the connection usable: it is reset ({@code RSET}) for the next message, or
 *       closed if even that fails.</li>
 *   <li>Any other failure closes it; the next message opens a new one.</li>
 *   <li>A kept connection the server has dropped meanwhile (its idle timeout, a restart) fails at the first command,
 *       before anything of the message went out: the message is sent once more over a new connection, so a stale
 *       connection costs no attempt.</li>
 *   <li>{@link #serverUnreachable()} says that the last message could not even connect: the caller need not try
 *       the others now, they would meet the same closed door.</li>
 * </ul>
 */
public final class SmtpConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmtpConnection.class);
    /** "Service not available, closing transmission channel": how a server ends a session it no longer wants. */
    private static final int CLOSING_CHANNEL = 421;

    private final InvitationMailer mailer;
    private Transport transport;
    private boolean unreachable;
    private int lastReply;
    private long opened;
    private long lastUsed = System.nanoTime();

    SmtpConnection(InvitationMailer mailer) {
        this.mailer = mailer;
    }

    /**
     * Sends the e-mail once over this connection (opening it first if it is not open).
     *
     * @param email what to send, not null
     * @return how it went, never null
     */
    public DeliveryResult send(OutgoingEmail email) {
        unreachable = false;
        lastUsed = System.nanoTime();
        FixedIdMimeMessage message;
        try {
            message = mailer.compose(email);
        } catch (AddressException e) {
            return DeliveryResult.failed(DeliveryResult.Outcome.PERMANENT, "Invalid recipient address: " + e.getMessage());
        } catch (MessagingException e) {
            return SmtpFailures.classify(e, false);
        }
        boolean kept = transport != null;
        DeliveryResult result = attempt(message, email.messageId());
        boolean connectionWasGone = transport == null && (lastReply < 0 || lastReply == CLOSING_CHANNEL);
        if (kept && result.outcome() != DeliveryResult.Outcome.SENT && connectionWasGone && !unreachable
                && !message.contentWritten()) {
            log.debug("The kept SMTP connection was gone ({}); sending {} over a new one", result.reason(),
                    email.messageId());
            result = attempt(message, email.messageId());
        }
        return result;
    }

    /** Whether the last {@link #send} could not connect to the server at all (refused, unknown host, timeout). */
    public boolean serverUnreachable() {
        return unreachable;
    }

    /** Whether a connection is open (as far as this side knows: the server may have dropped it since). */
    public boolean isOpen() {
        return transport != null;
    }

    /** Whether a connection is open and no {@link #send} has used it for {@code idle} or longer. */
    public boolean openAndIdleFor(Duration idle) {
        return transport != null && System.nanoTime() - lastUsed >= idle.toNanos();
    }

    /** How many connections this has opened so far. */
    public long connectionsOpened() {
        return opened;
    }

    /** Says QUIT and closes the connection, if one is open; the next {@link #send} opens a new one. */
    @Override
    public void close() {
        Transport open = transport;
        transport = null;
        if (open != null) {
            try {
                open.close();
            } catch (MessagingException e) {
                log.debug("Closing the SMTP connection: {}", e.toString());
            }
        }
    }

    private DeliveryResult attempt(FixedIdMimeMessage message, String messageId) {
        lastReply = -1;
        if (transport == null) {
            try {
                transport = mailer.connect();
                opened++;
            } catch (MessagingException e) {
                unreachable = true;
                return SmtpFailures.classify(e, false);
            }
        }
        try {
            transport.sendMessage(message, message.getAllRecipients());
            return DeliveryResult.sent();
        } catch (MessagingException e) {
            DeliveryResult result = SmtpFailures.classify(e, message.contentWritten());
            lastReply = SmtpFailures.replyCode(e);
            if (lastReply < 0 || !reset()) {
                close();
            }
            log.debug("Sending {} failed: {}", messageId, result, e);
            return result;
        } catch (RuntimeException e) {
            // Not jakarta.mail's way to fail, but still this message's outcome, not a reason to undo the whole batch.
            close();
            return SmtpFailures.classify(e, message.contentWritten());
        }
    }

    /** Ends the failed SMTP transaction so that the next message starts clean; false if the connection is unusable. */
    private boolean reset() {
        if (!(transport instanceof SMTPTransport smtp) || !smtp.isConnected()) {
            return false;
        }
        try {
            smtp.issueCommand("RSET", 250);
            return true;
        } catch (MessagingException e) {
            return false;
        }
    }
}
