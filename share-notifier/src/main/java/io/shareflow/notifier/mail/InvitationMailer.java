package io.shareflow.notifier.mail;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends one e-mail through Spring's {@link JavaMailSender} and says how it went; SMTP trouble
 * is a {@link DeliveryResult}, never an exception. Thread-safe.
 */
public class InvitationMailer {

    private static final Logger log = LoggerFactory.getLogger(InvitationMailer.class);
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final JavaMailSender sender;
    private final InternetAddress from;
    private final Session session;

    /**
     * @throws IllegalArgumentException if {@code settings.from()} is not a valid address
     */
    public InvitationMailer(JavaMailSender sender, MailSettings settings) {
        this.sender = sender;
        try {
            this.from = new InternetAddress(settings.from(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("shareflow.notifier.from is not an e-mail address: " + settings.from(), e);
        }
        // Only the message's MIME settings come from this session; the sender connects with its own.
        this.session = sender instanceof JavaMailSenderImpl impl ? impl.getSession() : Session.getInstance(new Properties());
    }

    /**
     * Sends the e-mail once.
     *
     * @param email what to send, not null
     * @return how it went, never null
     */
    public DeliveryResult send(OutgoingEmail email) {
        FixedIdMimeMessage message = new FixedIdMimeMessage(session, email.messageId());
        try {
            compose(message, email);
        } catch (AddressException e) {
            return DeliveryResult.failed(DeliveryResult.Outcome.PERMANENT, "Invalid recipient address: " + e.getMessage());
        } catch (MessagingException e) {
            return SmtpFailures.classify(e, false);
        }
        try {
            sender.send(message);
            return DeliveryResult.sent();
        } catch (MailException e) {
            DeliveryResult result = SmtpFailures.classify(e, message.contentWritten());
            log.debug("Sending {} failed: {}", email.messageId(), result, e);
            return result;
        }
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
