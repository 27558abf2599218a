package io.shareflow.bench.smtp;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import io.shareflow.embedded.mail.CapturedMessage;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * The e-mails of the SMTP baselines, built the way share-notifier's {@code InvitationMailer} composes its own: From,
 * To, Subject, Date, {@code Auto-Submitted}, a fixed {@code Message-ID}, and a {@code multipart/alternative} of a
 * UTF-8 text part and a UTF-8 HTML part.
 */
public final class Emails {

    static final String FROM = "shareflow <no-reply@shareflow.local>";
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private Emails() {
    }

    /** A session for the SMTP server at host:port, with bounded conversations (as the notifier's are). */
    public static Session session(String host, int port) {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", host);
        properties.setProperty("mail.smtp.port", Integer.toString(port));
        properties.setProperty("mail.smtp.connectiontimeout", "5000");
        properties.setProperty("mail.smtp.timeout", "10000");
        properties.setProperty("mail.smtp.writetimeout", "10000");
        return Session.getInstance(properties);
    }

    /**
     * A message rebuilt from what the catcher captured: the same From, envelope recipients (as To), subject, text,
     * HTML and Message-ID, so the raw loop sends what the notifier sent.
     */
    public static MimeMessage rebuild(Session session, CapturedMessage captured) {
        if (captured.messageId() == null) {
            throw new IllegalArgumentException("Captured message " + captured.id() + " has no Message-ID");
        }
        return compose(session, captured.messageId(), captured.from() == null ? FROM : captured.from(),
                captured.to(), captured.subject() == null ? "" : captured.subject(), captured.text(), captured.html());
    }

    /** The rebuilt messages of {@link #rebuild(Session, CapturedMessage)}, in the same order. */
    public static List<MimeMessage> rebuild(Session session, List<CapturedMessage> captured) {
        return captured.stream().map(m -> rebuild(session, m)).toList();
    }

    /**
     * An invitation-like e-mail for the share of the given sequence number, to {@code recipient<sequence>@<domain>},
     * about the size of share-notifier's invitation.
     */
    public static MimeMessage invitation(Session session, long sequence, String runId) {
        String recipient = recipient(sequence, runId);
        String link = "http://localhost:8080/s/" + runId + "-" + sequence + "-0123456789abcdefghijklmnopqrstuvwxyz";
        String subject = "Alice Example shared \"A320 maintenance log.pdf\" with you";
        String text = String.format(Locale.ROOT, """
                Hello,

                Alice Example (alice@acme.example) shared the file "A320 maintenance log.pdf" with you as a viewer.

                Message from Alice Example:
                Here is the A320 log.

                Open it: %s

                The link is yours: do not forward this e-mail. It expires on 2027-01-01.
                -- shareflow
                """, link);
        String html = String.format(Locale.ROOT, """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>%s</title></head>
                <body style="font-family: sans-serif; line-height: 1.5">
                <p>Hello,</p>
                <p><strong>Alice Example</strong> (alice@acme.example) shared the file
                <strong>A320 maintenance log.pdf</strong> with you as a <em>viewer</em>.</p>
                <blockquote style="border-left: 3px solid #ccc; padding-left: 1em">Here is the A320 log.</blockquote>
                <p><a href="%s" style="background: #0b5cad; color: #fff; padding: .5em 1em; text-decoration: none">
                Open "A320 maintenance log.pdf"</a></p>
                <p style="color: #666; font-size: small">The link is yours: do not forward this e-mail.
                It expires on 2027-01-01.</p>
                <p>-- shareflow</p>
                </body></html>
                """, subject, link);
        return compose(session, messageId(sequence, runId), FROM, List.of(recipient), subject, text, html);
    }

    /** The recipient of {@link #invitation}'s e-mail number {@code sequence}. */
    public static String recipient(long sequence, String runId) {
        return "recipient" + sequence + "." + runId + "@example.com";
    }

    /** The Message-ID of {@link #invitation}'s e-mail number {@code sequence}. */
    public static String messageId(long sequence, String runId) {
        return "<sync-" + runId + "-" + sequence + "@shareflow.local>";
    }

    static FixedIdMessage compose(Session session, String messageId, String from, List<String> to, String subject,
                                  String text, String html) {
        try {
            FixedIdMessage message = new FixedIdMessage(session, messageId);
            message.setFrom(new InternetAddress(from, true));
            InternetAddress[] recipients = new InternetAddress[to.size()];
            for (int i = 0; i < recipients.length; i++) {
                recipients[i] = new InternetAddress(to.get(i), true);
            }
            message.setRecipients(Message.RecipientType.TO, recipients);
            message.setSubject(subject, UTF_8);
            message.setSentDate(new Date());
            message.setHeader("Auto-Submitted", "auto-generated");
            MimeMultipart alternative = new MimeMultipart("alternative");
            if (text != null) {
                MimeBodyPart part = new MimeBodyPart();
                part.setText(text, UTF_8);
                alternative.addBodyPart(part);
            }
            if (html != null) {
                MimeBodyPart part = new MimeBodyPart();
                part.setText(html, UTF_8, "html");
                alternative.addBodyPart(part);
            }
            message.setContent(alternative);
            message.saveChanges();
            return message;
        } catch (MessagingException e) {
            throw new IllegalArgumentException("Cannot compose the e-mail " + messageId + ": " + e.getMessage(), e);
        }
    }
}
