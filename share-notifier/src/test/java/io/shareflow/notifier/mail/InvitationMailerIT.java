package io.shareflow.notifier.mail;

import static io.shareflow.notifier.mail.InvitationFixtures.anInvitation;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import io.shareflow.embedded.mail.CapturedMessage;
import io.shareflow.embedded.mail.MailCatcher;
import io.shareflow.notifier.mail.DeliveryResult.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The mailer and the failure classification against a real SMTP server (GreenMail), no Spring context. */
class InvitationMailerIT {

    private static MailCatcher smtp;
    private static InvitationMailer mailer;

    @BeforeAll
    static void start() {
        smtp = MailCatcher.onFreePorts().start();
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("localhost");
        sender.setPort(smtp.smtpPort());
        Properties properties = new Properties();
        properties.put("mail.smtp.connectiontimeout", "2000");
        properties.put("mail.smtp.timeout", "5000");
        sender.setJavaMailProperties(properties);
        mailer = new InvitationMailer(sender, new MailSettings("shareflow <no-reply@shareflow.local>"));
    }

    @AfterAll
    static void stop() {
        smtp.close();
    }

    @BeforeEach
    void reset() {
        smtp.acceptAllRecipients();
        smtp.startSmtp();
        smtp.clear();
    }

    @Test
    void sendsTextAndHtmlWithTheGivenMessageId() {
        RenderedEmail content = new InvitationRenderer().render(anInvitation(), InvitationFixtures.LINK);

        DeliveryResult result = mailer.send(email("<share-1-0@shareflow>", "bob@example.com", content));

        assertThat(result).isEqualTo(DeliveryResult.sent());
        CapturedMessage received = smtp.messages().get(0);
        assertThat(received.messageId()).isEqualTo("<share-1-0@shareflow>");
        assertThat(received.from()).isEqualTo("shareflow <no-reply@shareflow.local>");
        assertThat(received.to()).containsExactly("bob@example.com");
        assertThat(received.subject()).isEqualTo(content.subject());
        // SMTP carries text in canonical form, CRLF line ends.
        assertThat(received.text().replace("\r\n", "\n")).isEqualTo(content.text());
        assertThat(received.html().replace("\r\n", "\n")).isEqualTo(content.html());
    }

    @Test
    void theSameMessageIdEveryTime() {
        RenderedEmail content = new InvitationRenderer().render(anInvitation(), InvitationFixtures.LINK);

        mailer.send(email("<share-2-3@shareflow>", "bob@example.com", content));
        mailer.send(email("<share-2-3@shareflow>", "bob@example.com", content));

        assertThat(smtp.messages()).extracting(CapturedMessage::messageId)
                .containsExactly("<share-2-3@shareflow>", "<share-2-3@shareflow>");
    }

    @Test
    void smtpDownIsTransient() {
        smtp.stopSmtp();

        DeliveryResult result = mailer.send(email("<d@shareflow>", "bob@example.com", simple()));

        assertThat(result.outcome()).isEqualTo(Outcome.TRANSIENT);
        assertThat(result.reason()).startsWith("Cannot connect to the SMTP server");
    }

    @Test
    void aRecipientRefusedWith550IsPermanent() {
        smtp.rejectRecipients("nobody@example.com"::equals, 550);

        DeliveryResult result = mailer.send(email("<p@shareflow>", "nobody@example.com", simple()));

        assertThat(result.outcome()).isEqualTo(Outcome.PERMANENT);
        assertThat(result.reason()).contains("550");
        assertThat(smtp.messages()).isEmpty();
    }

    @Test
    void aRecipientRefusedWith451IsTransient() {
        smtp.rejectRecipients("later@example.com"::equals, 451);

        DeliveryResult result = mailer.send(email("<t@shareflow>", "later@example.com", simple()));

        assertThat(result.outcome()).isEqualTo(Outcome.TRANSIENT);
        assertThat(result.reason()).contains("451");
    }

    @Test
    void anInvalidRecipientAddressIsPermanent() {
        DeliveryResult result = mailer.send(email("<i@shareflow>", "not an address", simple()));

        assertThat(result.outcome()).isEqualTo(Outcome.PERMANENT);
        assertThat(smtp.messages()).isEmpty();
    }

    private static OutgoingEmail email(String messageId, String to, RenderedEmail content) {
        return new OutgoingEmail(messageId, to, "ada@example.com", "Ada Sharer", content);
    }

    private static RenderedEmail simple() {
        return new RenderedEmail("s", "t", "<p>h</p>");
    }
}
