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

/**
 * The mailer, its kept connections and the failure classification against a real SMTP server (GreenMail), no Spring
 * context; the connections are counted by a proxy in front of it.
 */
class InvitationMailerIT {

    private static MailCatcher smtp;
    private static SmtpProxy proxy;
    private static InvitationMailer mailer;
    /** Straight to the server, no proxy: so that a stopped server refuses the connection. */
    private static InvitationMailer direct;

    @BeforeAll
    static void start() {
        smtp = MailCatcher.onFreePorts().start();
        proxy = SmtpProxy.to(smtp.smtpPort());
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("localhost");
        sender.setPort(proxy.port());
        Properties properties = new Properties();
        properties.put("mail.smtp.connectiontimeout", "2000");
        properties.put("mail.smtp.timeout", "2000");
        sender.setJavaMailProperties(properties);
        mailer = new InvitationMailer(sender, new MailSettings("shareflow <no-reply@shareflow.local>"));
        JavaMailSenderImpl straight = new JavaMailSenderImpl();
        straight.setHost("localhost");
        straight.setPort(smtp.smtpPort());
        straight.setJavaMailProperties(properties);
        direct = new InvitationMailer(straight, new MailSettings("shareflow <no-reply@shareflow.local>"));
    }

    @AfterAll
    static void stop() {
        proxy.close();
        smtp.close();
    }

    @BeforeEach
    void reset() {
        proxy.recover();
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

        DeliveryResult result = direct.send(email("<d@shareflow>", "bob@example.com", simple()));

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

    @Test
    void aKeptConnectionCarriesManyMessagesAndSurvivesRefusals() {
        int before = proxy.connectionsOpened();
        smtp.rejectRecipients(r -> r.startsWith("refused"), 550);
        try (SmtpConnection connection = mailer.openConnection()) {
            for (int i = 0; i < 5; i++) {
                assertThat(connection.send(email("<k" + i + "@shareflow>", "bob@example.com", simple())))
                        .isEqualTo(DeliveryResult.sent());
            }
            assertThat(connection.send(email("<r@shareflow>", "refused@example.com", simple())).outcome())
                    .isEqualTo(Outcome.PERMANENT);
            smtp.rejectRecipients(r -> r.startsWith("later"), 451);
            assertThat(connection.send(email("<l@shareflow>", "later@example.com", simple())).outcome())
                    .isEqualTo(Outcome.TRANSIENT);
            assertThat(connection.send(email("<k5@shareflow>", "bob@example.com", simple())))
                    .as("a refusal ends that message's SMTP transaction, not the connection")
                    .isEqualTo(DeliveryResult.sent());
            assertThat(connection.isOpen()).isTrue();
            assertThat(connection.connectionsOpened()).isEqualTo(1);
        }
        assertThat(proxy.connectionsOpened() - before).as("one TCP connection for seven messages").isEqualTo(1);
        assertThat(smtp.messages()).extracting(CapturedMessage::messageId)
                .containsExactly("<k0@shareflow>", "<k1@shareflow>", "<k2@shareflow>", "<k3@shareflow>",
                        "<k4@shareflow>", "<k5@shareflow>");
    }

    @Test
    void aKeptConnectionTheServerDroppedMeanwhileCostsNoAttempt() {
        try (SmtpConnection connection = mailer.openConnection()) {
            assertThat(connection.send(email("<s1@shareflow>", "bob@example.com", simple()))).isEqualTo(DeliveryResult.sent());
            smtp.stopSmtp();  // closes its connections, as a server restart or its idle timeout would
            smtp.startSmtp();

            assertThat(connection.send(email("<s2@shareflow>", "bob@example.com", simple())))
                    .as("sent again at once over a new connection, nothing of it having gone out")
                    .isEqualTo(DeliveryResult.sent());
            assertThat(connection.connectionsOpened()).isEqualTo(2);
        }
        assertThat(smtp.messages()).extracting(CapturedMessage::messageId).containsExactly("<s1@shareflow>", "<s2@shareflow>");
    }

    @Test
    void aServerThatCannotBeReachedSaysSo() {
        smtp.stopSmtp();
        try (SmtpConnection connection = direct.openConnection()) {
            DeliveryResult result = connection.send(email("<u@shareflow>", "bob@example.com", simple()));

            assertThat(result.outcome()).isEqualTo(Outcome.TRANSIENT);
            assertThat(connection.serverUnreachable()).isTrue();
            assertThat(connection.isOpen()).isFalse();

            smtp.startSmtp();
            assertThat(connection.send(email("<u@shareflow>", "bob@example.com", simple()))).isEqualTo(DeliveryResult.sent());
            assertThat(connection.serverUnreachable()).isFalse();
        }
    }

    @Test
    void aReplyLostAfterTheWholeMessageIsInDoubtAndTheNextMessageReconnects() {
        proxy.loseTheReplyToTheNextMessages(1);
        try (SmtpConnection connection = mailer.openConnection()) {
            DeliveryResult result = connection.send(email("<d1@shareflow>", "bob@example.com", simple()));

            assertThat(result.outcome()).isEqualTo(Outcome.IN_DOUBT);
            assertThat(result.reason()).startsWith("Delivery outcome unknown");
            assertThat(connection.serverUnreachable()).isFalse();
            assertThat(connection.send(email("<d2@shareflow>", "bob@example.com", simple()))).isEqualTo(DeliveryResult.sent());
            assertThat(connection.connectionsOpened()).isEqualTo(2);
        }
        assertThat(smtp.messages()).extracting(CapturedMessage::messageId)
                .as("the server had the first one: in doubt, not lost").containsExactly("<d1@shareflow>", "<d2@shareflow>");
    }

    private static OutgoingEmail email(String messageId, String to, RenderedEmail content) {
        return new OutgoingEmail(messageId, to, "ada@example.com", "Ada Sharer", content);
    }

    private static RenderedEmail simple() {
        return new RenderedEmail("s", "t", "<p>h</p>");
    }
}
