package io.shareflow.bench.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import io.shareflow.embedded.mail.CapturedMessage;
import io.shareflow.embedded.mail.MailCatcher;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The raw loop against the embedded catcher, through a proxy that counts its connections. */
class RawSmtpLoopIT {

    private static MailCatcher catcher;
    private static CountingProxy proxy;

    @BeforeAll
    static void start() throws Exception {
        catcher = MailCatcher.onFreePorts().start();
        proxy = new CountingProxy(catcher.smtpPort());
    }

    @AfterAll
    static void stop() {
        proxy.close();
        catcher.close();
    }

    @Test
    void itSendsEveryMessageOnceOverOneConnectionAndTheCaughtOnesRebuildToTheSame() {
        catcher.clear();
        Session session = Emails.session("localhost", proxy.port());
        List<MimeMessage> messages = LongStream.rangeClosed(1, 60)
                .mapToObj(n -> Emails.invitation(session, n, "raw")).toList();

        Rate rate = RawSmtpLoop.send("localhost", proxy.port(), messages);

        assertThat(rate.count()).isEqualTo(60);
        assertThat(rate.perSecond()).isPositive();
        assertThat(proxy.connections()).as("one connection for all").isEqualTo(1);
        List<CapturedMessage> caught = catcher.messages();
        assertThat(caught).extracting(CapturedMessage::messageId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 60)
                        .mapToObj(n -> Emails.messageId(n, "raw")).toList());
        assertThat(caught).allSatisfy(m -> {
            assertThat(m.text()).contains("/s/raw-");
            assertThat(m.html()).contains("<a href=");
        });

        // The same messages again, rebuilt from what was caught: the same Message-IDs, recipients and bodies.
        catcher.clear();
        RawSmtpLoop.send("localhost", catcher.smtpPort(), Emails.rebuild(session, caught));
        var again = catcher.messages().stream()
                .collect(Collectors.toMap(CapturedMessage::messageId, Function.identity()));
        assertThat(again).hasSize(60);
        for (CapturedMessage first : caught) {
            CapturedMessage second = again.get(first.messageId());
            assertThat(second.to()).isEqualTo(first.to());
            assertThat(second.from()).isEqualTo(first.from());
            assertThat(second.subject()).isEqualTo(first.subject());
            assertThat(second.text()).isEqualTo(first.text());
            assertThat(second.html()).isEqualTo(first.html());
        }
    }

    @Test
    void aRefusedMessageFailsTheLoop() {
        catcher.rejectRecipients(address -> address.startsWith("recipient2."), 550);
        try {
            Session session = Emails.session("localhost", catcher.smtpPort());
            List<MimeMessage> messages = LongStream.rangeClosed(1, 3)
                    .mapToObj(n -> Emails.invitation(session, n, "refused")).toList();

            assertThatThrownBy(() -> RawSmtpLoop.send("localhost", catcher.smtpPort(), messages))
                    .isInstanceOf(IllegalStateException.class);
        } finally {
            catcher.acceptAllRecipients();
        }
    }
}
