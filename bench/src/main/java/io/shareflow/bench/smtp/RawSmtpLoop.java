package io.shareflow.bench.smtp;

import java.time.Duration;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

/**
 * The SMTP baseline: jakarta.mail sending messages already rendered, one after another, over ONE connection
 * ({@code Transport.connect} once, {@code sendMessage} for each, no RSET/NOOP between them). Nothing else happens per
 * message, so its rate is the most a single SMTP session to that server can take from a Java client.
 */
public final class RawSmtpLoop {

    private RawSmtpLoop() {
    }

    /**
     * Sends every message once, in order, over one connection to host:port.
     *
     * @param messages rendered messages ({@code saveChanges} done: the loop sends them as they are); each is sent
     *                 to its own recipients ({@code getAllRecipients})
     * @return the messages sent and the time from the first {@code sendMessage} to the end of the last; the connect
     *         (TCP, greeting, EHLO) before it and the QUIT after it are not in the interval
     * @throws IllegalStateException if the server refuses or a message fails: a baseline that lost messages
     *                               would be no baseline
     */
    public static Rate send(String host, int port, List<MimeMessage> messages) {
        Session session = Emails.session(host, port);
        Transport transport;
        try {
            transport = session.getTransport("smtp");
            transport.connect(host, port, null, null);
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot connect to the SMTP server " + host + ":" + port + ": " + e, e);
        }
        try {
            long started = System.nanoTime();
            for (MimeMessage message : messages) {
                transport.sendMessage(message, message.getAllRecipients());
            }
            return new Rate(messages.size(), Duration.ofNanos(System.nanoTime() - started));
        } catch (MessagingException e) {
            throw new IllegalStateException("The raw SMTP loop failed: " + e, e);
        } finally {
            try {
                transport.close();
            } catch (MessagingException e) {
                // QUIT is not part of the measurement
            }
        }
    }
}
