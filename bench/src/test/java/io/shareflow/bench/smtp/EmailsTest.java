package io.shareflow.bench.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;

import io.shareflow.embedded.mail.CapturedMessage;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;

class EmailsTest {

    private final Session session = Emails.session("localhost", 25);

    @Test
    void aRebuiltMessageIsWhatWasCaughtWithItsMessageIdKept() throws Exception {
        CapturedMessage caught = new CapturedMessage("7", "<share-abc-0@shareflow.local>",
                "shareflow <no-reply@shareflow.local>", List.of("new.colleague@example.com"), "Alice shared “A320”",
                "Open it: http://x/s/t", "<p>Open it</p>", Instant.now());

        MimeMessage message = Emails.rebuild(session, caught);
        message.saveChanges();

        assertThat(message.getMessageID()).isEqualTo("<share-abc-0@shareflow.local>");
        assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo("no-reply@shareflow.local");
        assertThat(message.getRecipients(Message.RecipientType.TO)).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("new.colleague@example.com");
        assertThat(message.getSubject()).isEqualTo("Alice shared “A320”");
        MimeMultipart alternative = (MimeMultipart) message.getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getCount()).isEqualTo(2);
        assertThat(alternative.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(alternative.getBodyPart(0).getContent()).isEqualTo("Open it: http://x/s/t");
        assertThat(alternative.getBodyPart(1).isMimeType("text/html")).isTrue();
        assertThat(alternative.getBodyPart(1).getContent()).isEqualTo("<p>Open it</p>");
    }

    @Test
    void aMessageSaysWhenItsContentHasBeenWritten() throws Exception {
        FixedIdMessage message = (FixedIdMessage) Emails.invitation(session, 3, "run");
        assertThat(message.contentWritten()).isFalse();

        message.writeTo(new ByteArrayOutputStream());

        assertThat(message.contentWritten()).isTrue();
        assertThat(message.getMessageID()).isEqualTo(Emails.messageId(3, "run"));
        assertThat(message.getAllRecipients()).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly(Emails.recipient(3, "run"));
    }
}
