package io.shareflow.notifier.mail;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Optional;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.StreamProvider;

import org.eclipse.angus.mail.util.MailStreamProvider;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Composes the e-mails and opens SMTP connections to the server of Spring Boot's {@code spring.mail.*} (the
 * host, port, credentials, protocol and jakarta.mail session of its {@link JavaMailSenderImpl}). A dispatch worker
 * keeps one {@link SmtpConnection} open across its messages ({@link #openConnection()}): a new connection costs a
 * TCP handshake, the greeting and EHLO — and on a real server TLS and AUTH — which is more than the message itself.
 * Thread-safe; the connections it opens are not.
 */
public class InvitationMailer {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();
    private static final String DEFAULT_PROTOCOL = "smtp";
    static final String STREAM_PROVIDER_PROPERTY = StreamProvider.class.getName();

    static {
        // jakarta.mail finds its StreamProvider anew for every message and body part it builds or writes
        // (FactoryFinder: this system property first, then a ServiceLoader scan of the class loaders). Inside Boot's
        // nested jar that scan is slow and synchronized: about 7 ms an e-mail, measured, with the workers queueing
        // on it. Naming Angus's provider ends the search at its first step; an operator's own -D setting still wins.
        System.getProperties().putIfAbsent(STREAM_PROVIDER_PROPERTY, MailStreamProvider.class.getName());
    }

    private final JavaMailSenderImpl sender;
    private final InternetAddress from;
    private final Session session;

    /**
     * @throws IllegalArgumentException if {@code settings.from()} is not a valid address, or the mail session has
     *                                  {@code mail.debug} on (it would print every link)
     */
    public InvitationMailer(JavaMailSenderImpl sender, MailSettings settings) {
        this.sender = sender;
        try {
            this.from = new InternetAddress(settings.from(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("shareflow.notifier.from is not an e-mail address: " + settings.from(), e);
        }
        this.session = sender.getSession();
        if (session.getDebug()) {
            // jakarta.mail's debug output is the whole SMTP conversation on the console: every e-mail with its link.
            throw new IllegalArgumentException("spring.mail.properties.mail.debug=true would write every e-mail, with "
                    + "the share or registration link it carries, to the console; shareflow does not allow it");
        }
    }

    /** A connection of its own for one worker, opened at its first message; not thread-safe. */
    public SmtpConnection openConnection() {
        return new SmtpConnection(this);
    }

    /**
     * Sends the e-mail once, over a connection of its own that is closed again: for a single message. A worker
     * sending many keeps an {@link #openConnection() SmtpConnection} instead.
     *
     * @param email what to send, not null
     * @return how it went, never null
     */
    public DeliveryResult send(OutgoingEmail email) {
        try (SmtpConnection connection = openConnection()) {
            return connection.send(email);
        }
    }

    /** Connects and says EHLO (and AUTH when a user name is set), as Spring's sender does for each message. */
    Transport connect() throws MessagingException {
        String protocol = sender.getProtocol() != null ? sender.getProtocol()
                : session.getProperty("mail.transport.protocol") != null ? session.getProperty("mail.transport.protocol")
                : DEFAULT_PROTOCOL;
        String username = sender.getUsername();
        String password = sender.getPassword();
        if ("".equals(username)) {
            username = null;
            if ("".equals(password)) {
                password = null;
            }
        }
        Transport transport = session.getTransport(protocol);
        transport.connect(sender.getHost(), sender.getPort(), username, password);
        return transport;
    }

    /** The message of an e-mail, with its fixed Message-ID, ready to be sent. */
    FixedIdMimeMessage compose(OutgoingEmail email) throws MessagingException {
        FixedIdMimeMessage message = new FixedIdMimeMessage(session, email.messageId());
        compose(message, email);
        return message;
    }

    private void compose(MimeMessage message, OutgoingEmail email) throws MessagingException {
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(email.to(), true));
        Optional<InternetAddress> replyTo = replyTo(email);
        if (replyTo.isPresent()) {
            message.setReplyTo(new InternetAddress[] {replyTo.get()});
        }
        message.setSubject(email.content().subject(), UTF_8);
        message.setSentDate(new Date());
        message.setHeader("Auto-Submitted", "auto-generated");

        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.content().text(), UTF_8);
        MimeBodyPart html = new MimeBodyPart();
        html.setText(email.content().html(), UTF_8, "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
    }

    /** The sharer as Reply-To, when the address is valid; a bad one is not worth failing the invitation for. */
    private static Optional<InternetAddress> replyTo(OutgoingEmail email) {
        if (email.replyTo() == null || email.replyTo().isBlank()) {
            return Optional.empty();
        }
        try {
            InternetAddress address = new InternetAddress(email.replyTo(), true);
            if (email.replyToName() != null && !email.replyToName().isBlank()) {
                address.setPersonal(UntrustedText.singleLine(email.replyToName()), UTF_8);
            }
            return Optional.of(address);
        } catch (AddressException | UnsupportedEncodingException e) {
            return Optional.empty();
        }
    }
}
