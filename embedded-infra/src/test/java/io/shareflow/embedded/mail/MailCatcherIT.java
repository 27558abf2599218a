package io.shareflow.embedded.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MailCatcherIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static MailCatcher catcher;

    @BeforeAll
    static void start() {
        catcher = MailCatcher.onFreePorts().start();
    }

    @AfterAll
    static void stop() {
        catcher.close();
    }

    @BeforeEach
    void emptyBox() {
        catcher.acceptAllRecipients();
        catcher.startSmtp();
        catcher.clear();
    }

    @Test
    void capturesOneEntryPerMessageForTwoRecipientsAndServesItAsJson() throws Exception {
        send(message("<m1@test>", "Hello ✓", "plain body", "<p>html body</p>", "a@example.com", "b@example.com"));

        HttpResponse<String> response = get("/api/messages");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode list = JSON.readTree(response.body());
        assertThat(list.size()).isEqualTo(1);
        JsonNode m = list.get(0);
        assertThat(names(m)).containsExactly("id", "messageId", "from", "to", "subject", "text", "html", "receivedAt");
        assertThat(m.get("id").asString()).isNotBlank();
        assertThat(m.get("messageId").asString()).isEqualTo("<m1@test>");
        assertThat(m.get("from").asString()).isEqualTo("shareflow <no-reply@shareflow.local>");
        assertThat(m.get("to").values()).extracting(JsonNode::asString).containsExactly("a@example.com", "b@example.com");
        assertThat(m.get("subject").asString()).isEqualTo("Hello ✓");
        assertThat(m.get("text").asString()).isEqualTo("plain body");
        assertThat(m.get("html").asString()).isEqualTo("<p>html body</p>");
        assertThat(Instant.parse(m.get("receivedAt").asString())).isBeforeOrEqualTo(Instant.now());
        assertThat(m.get("receivedAt").asString()).endsWith("Z");

        assertThat(catcher.messages()).singleElement().satisfies(c -> {
            assertThat(c.messageId()).isEqualTo("<m1@test>");
            assertThat(c.to()).containsExactly("a@example.com", "b@example.com");
        });
    }

    @Test
    void listsAllMessagesOldestFirstWithDistinctIdsAndNullsForMissingParts() throws Exception {
        for (int i = 1; i <= 3; i++) {
            MimeMessage plain = new MimeMessage(session());
            plain.setFrom("x@example.com");
            plain.setRecipients(Message.RecipientType.TO, "r@example.com");
            plain.setSubject("n" + i);
            plain.setText("text only " + i, "UTF-8");
            send(plain);
        }

        JsonNode list = JSON.readTree(get("/api/messages").body());

        assertThat(list.values()).extracting(n -> n.get("subject").asString()).containsExactly("n1", "n2", "n3");
        assertThat(list.values()).extracting(n -> n.get("id").asString()).doesNotHaveDuplicates();
        assertThat(list.get(0).get("html").isNull()).isTrue();
        assertThat(list.get(0).get("text").asString()).isEqualTo("text only 1");
    }

    @Test
    void deleteEmptiesTheBox() throws Exception {
        send(message("<m2@test>", "s", "t", null, "a@example.com"));
        assertThat(catcher.messages()).hasSize(1);

        HttpResponse<String> deleted = HTTP.send(HttpRequest.newBuilder(uri("/api/messages")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(get("/api/messages").body()).isEqualTo("[]");
        assertThat(catcher.messages()).isEmpty();
    }

    @Test
    void pageEscapesEverythingFromTheMessage() throws Exception {
        send(message("<m3@test>", "<script>alert('s')</script>", "a & b <img src=x onerror=alert(1)>",
                "<p onclick=\"alert(2)\">\"quoted\"</p>", "a@example.com"));

        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(page.body())
                .contains("&lt;script&gt;alert(&#39;s&#39;)&lt;/script&gt;")
                .contains("a &amp; b &lt;img src=x onerror=alert(1)&gt;")
                .contains("srcdoc=\"&lt;p onclick=&quot;alert(2)&quot;&gt;&quot;quoted&quot;&lt;/p&gt;\"")
                .contains("sandbox=\"\"")
                .doesNotContain("<script>")
                .doesNotContain("<img")
                .doesNotContain("<p onclick");
    }

    @Test
    void unknownPathsAndMethodsAreRefused() throws Exception {
        assertThat(get("/nope").statusCode()).isEqualTo(404);
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(uri("/api/messages"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void smtpCanBeStoppedAndStartedOnTheSamePortKeepingCapturedMail() throws Exception {
        send(message("<before@test>", "before", "t", null, "a@example.com"));
        int port = catcher.smtpPort();

        catcher.stopSmtp();
        assertThat(catcher.isSmtpRunning()).isFalse();
        assertThatThrownBy(() -> send(message("<down@test>", "down", "t", null, "a@example.com")))
                .isInstanceOf(MessagingException.class);

        catcher.startSmtp();
        assertThat(catcher.smtpPort()).isEqualTo(port);
        send(message("<after@test>", "after", "t", null, "a@example.com"));

        assertThat(catcher.messages()).extracting(CapturedMessage::messageId)
                .containsExactly("<before@test>", "<after@test>");
    }

    @Test
    void rejectsMatchingRecipientsWithTheChosenReplyCode() throws Exception {
        catcher.rejectRecipients(address -> address.startsWith("bounce"), 550);

        assertThatThrownBy(() -> send(message("<r@test>", "s", "t", null, "bounce@example.com")))
                .isInstanceOf(SendFailedException.class)
                .hasStackTraceContaining("550");

        catcher.rejectRecipients(address -> address.startsWith("later"), 451);
        assertThatThrownBy(() -> send(message("<r2@test>", "s", "t", null, "later@example.com")))
                .isInstanceOf(SendFailedException.class)
                .hasStackTraceContaining("451");
        assertThat(catcher.messages()).isEmpty();

        catcher.acceptAllRecipients();
        send(message("<r3@test>", "s", "t", null, "bounce@example.com"));
        assertThat(catcher.messages()).hasSize(1);
    }

    private static List<String> names(JsonNode node) {
        return List.copyOf(node.propertyNames());
    }

    private static MimeMessage message(String messageId, String subject, String text, String html, String... to)
            throws MessagingException {
        MimeMessage message = new MimeMessage(session()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress("shareflow <no-reply@shareflow.local>"));
        for (String recipient : to) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
        }
        message.setSubject(subject, "UTF-8");
        if (html == null) {
            message.setText(text, "UTF-8");
        } else {
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart textPart = new MimeBodyPart();
            textPart.setText(text, "UTF-8");
            MimeBodyPart htmlPart = new MimeBodyPart();
            htmlPart.setText(html, "UTF-8", "html");
            alternative.addBodyPart(textPart);
            alternative.addBodyPart(htmlPart);
            message.setContent(alternative);
        }
        return message;
    }

    private static void send(MimeMessage message) throws MessagingException {
        message.saveChanges();
        Transport.send(message);
    }

    private static Session session() {
        Properties props = new Properties();
        props.put("mail.smtp.host", "localhost");
        props.put("mail.smtp.port", String.valueOf(catcher.smtpPort()));
        props.put("mail.smtp.connectiontimeout", "2000");
        props.put("mail.smtp.timeout", "5000");
        return Session.getInstance(props);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create(catcher.httpUrl() + path);
    }
}
