package io.shareflow.notifier;

import static io.shareflow.notifier.SealedEventFixtures.aSealedLink;
import static io.shareflow.notifier.SealedEventFixtures.encodedAsVersion1;
import static io.shareflow.notifier.SealedEventFixtures.linkOf;
import static io.shareflow.notifier.SealedLinkIT.assertHoldsNoPlaintext;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.shareflow.embedded.mail.CapturedMessage;
import io.shareflow.events.NotificationFailed;
import io.shareflow.events.NotificationSent;
import io.shareflow.events.ShareLinkCreated;
import io.shareflow.events.ShareRequested;
import io.shareflow.schemas.SealedFields;
import io.shareflow.testsupport.EventFixtures;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Shares by link: {@code ShareLinkCreated} (v2) e-mails the link to each recipient — one send-log row, one e-mail,
 * one Message-ID and one {@code NotificationSent}/{@code NotificationFailed} (v2, with {@code recipientEmail}) per
 * recipient — with the same guarantees as a direct share's invitation.
 */
class LinkNotificationIT extends NotifierIntegrationSupport {

    private static final SealedFields STRANGER = SealedFields.fromKeyList(SealedFields.generateKeyList("stranger"));

    @Test
    void aLinkWithThreeRecipientsSendsThreeEmailsEachToItsRecipientWithTheLinkAndReportsEach() {
        List<String> recipients = List.of(newEmail("carol"), newEmail("dave"), newEmail("erin"));
        ShareLinkCreated link = aSealedLink(recipients.toArray(String[]::new));

        publish(link);

        eventually().until(() -> sentFor(link.getLinkId()).size() == 3);
        for (String recipient : recipients) {
            assertThat(mailTo(recipient)).as("one e-mail to %s", recipient).hasSize(1);
            CapturedMessage mail = mailTo(recipient).get(0);
            assertThat(mail.to()).as("to that recipient alone").containsExactly(recipient);
            assertThat(mail.subject()).isEqualTo("Ada Sharer shared \"Plant 4 drawings\" with you");
            assertThat(mail.text()).contains(linkOf(link))
                    .contains("has shared the folder \"Plant 4 drawings\" with you by a link")
                    .contains("The link is called \"For the auditors\".")
                    .contains("Your role: downloader")
                    .contains("the drawings. <b>not bold</b>")
                    .contains("This link expires on 31 January 2027");
            assertThat(mail.html()).contains("href=\"" + linkOf(link) + "\"").contains("&lt;b&gt;not bold&lt;/b&gt;");
            assertThat(mail.messageId()).matches("<share-" + link.getLinkId() + "-0-[0-9a-f]{16}@shareflow>")
                    .doesNotContain(recipient.substring(0, recipient.indexOf('@')));
        }
        List<String> messageIds = recipients.stream().map(r -> mailTo(r).get(0).messageId()).toList();
        assertThat(Set.copyOf(messageIds)).as("distinct Message-IDs").hasSize(3);

        List<NotificationSent> sent = sentFor(link.getLinkId());
        assertThat(sent).extracting(NotificationSent::getRecipientEmail).containsExactlyInAnyOrderElementsOf(recipients);
        for (NotificationSent result : sent) {
            assertThat(result.getCausationEventId()).isEqualTo(link.getEventId());
            assertThat(result.getMessageId()).isEqualTo(mailTo(result.getRecipientEmail()).get(0).messageId());
            assertThat(result.getAttempt()).isEqualTo(1);
            assertThat(result.getSkipped()).isFalse();
        }
        assertThat(rowsOf(link.getEventId())).hasSize(3)
                .allSatisfy(row -> assertThat(row).contains("\"state\":\"SENT\"").contains("\"link_sealed\":null"));
    }

    @Test
    void theSameEventAgainSendsNoNewEmail() {
        String recipient = newEmail("replayed");
        ShareLinkCreated link = aSealedLink(recipient, newEmail("replayed-too"));
        publishInOrder(link, link.getLinkId());
        eventually().until(() -> sentFor(link.getLinkId()).size() == 2);

        ShareRequested marker = aSilentShare();
        publishInOrder(link, link.getLinkId());
        publishInOrder(marker, marker.getShareId());

        // The marker comes after the copy on the same partition: once it is answered, the copy was consumed.
        eventually().until(() -> !sentFor(marker.getShareId()).isEmpty());
        assertThat(mailTo(recipient)).hasSize(1);
        assertThat(sentFor(link.getLinkId())).hasSize(2);
        assertThat(rowsOf(link.getEventId())).hasSize(2);
    }

    @Test
    void addressesThatDifferOnlyInCaseGetOneEmail() {
        String recipient = newEmail("twice");
        ShareLinkCreated link = aSealedLink(recipient, recipient.toUpperCase(Locale.ROOT));

        publish(link);

        eventually().until(() -> !sentFor(link.getLinkId()).isEmpty());
        ShareRequested marker = aSilentShare();
        publishInOrder(marker, marker.getShareId());
        eventually().until(() -> !sentFor(marker.getShareId()).isEmpty());
        assertThat(rowsOf(link.getEventId())).hasSize(1);
        assertThat(sentFor(link.getLinkId())).singleElement()
                .extracting(NotificationSent::getRecipientEmail).isEqualTo(recipient);
    }

    @Test
    void notifyFalseNoRecipientsAndVersion1SendNothingAndReportNothing() {
        String silentRecipient = newEmail("silent");
        ShareLinkCreated silent = ShareLinkCreated.newBuilder(aSealedLink(silentRecipient)).setNotify(false).build();
        ShareLinkCreated nobody = aSealedLink();
        String v1Recipient = newEmail("v1");
        ShareLinkCreated v1 = aSealedLink(v1Recipient);
        ShareRequested marker = aSilentShare();

        publishInOrder(silent, silent.getLinkId());
        publishInOrder(nobody, nobody.getLinkId());
        // Written with the released version-1 schema: no recipients, no notify, no sealed link.
        TestInfrastructure.kafka().sendRaw(TestInfrastructure.SHARE_EVENTS, 0, v1.getLinkId().toString(),
                encodedAsVersion1(v1));
        publishInOrder(marker, marker.getShareId());

        eventually().until(() -> !sentFor(marker.getShareId()).isEmpty());
        for (ShareLinkCreated link : List.of(silent, nobody, v1)) {
            assertThat(resultsFor(link.getLinkId())).as("nothing reported").isEmpty();
            assertThat(rowsOf(link.getEventId())).as("nothing to send").isEmpty();
            assertThat(processed(link.getEventId())).as("the event is done with").isTrue();
        }
        assertThat(mailTo(silentRecipient)).isEmpty();
        assertThat(mailTo(v1Recipient)).isEmpty();
        assertThat(deadLetterKeys()).doesNotContain(v1.getLinkId().toString());
    }

    @Test
    void aRecipientRefusedWith4xxIsRetriedWhileTheOthersAreMailedThenSent() {
        String greylisted = newEmail("greylisted");
        String first = newEmail("first");
        String last = newEmail("last");
        ShareLinkCreated link = aSealedLink(first, greylisted, last);
        MAIL.rejectRecipients(greylisted::equals, 451);

        publish(link);

        eventually().until(() -> sentFor(link.getLinkId()).size() == 2);
        assertThat(sentFor(link.getLinkId())).extracting(NotificationSent::getRecipientEmail)
                .containsExactlyInAnyOrder(first, last);
        eventually().until(() -> attemptsOf(link.getEventId(), greylisted) >= 1
                && "PENDING".equals(stateOf(link.getEventId(), greylisted)));
        assertThat(failedFor(link.getLinkId())).as("still retrying").isEmpty();
        assertHoldsNoPlaintext(String.join("\n", rowsOf(link.getEventId())), linkOf(link));

        MAIL.acceptAllRecipients();

        eventually().until(() -> sentFor(link.getLinkId()).size() == 3);
        NotificationSent retried = sentFor(link.getLinkId()).stream()
                .filter(s -> greylisted.equals(s.getRecipientEmail())).findFirst().orElseThrow();
        assertThat(retried.getAttempt()).isGreaterThanOrEqualTo(2);
        assertThat(mailTo(greylisted)).hasSize(1);
        assertThat(mailTo(greylisted).get(0).text()).contains(linkOf(link));
        assertThat(mailTo(first)).hasSize(1);
        assertThat(mailTo(last)).hasSize(1);
        assertThat(failedFor(link.getLinkId())).isEmpty();
    }

    @Test
    void aPermanentFailureIsReportedForThatRecipientOnly() {
        String refused = newEmail("nobody");
        String fine = newEmail("fine");
        ShareLinkCreated link = aSealedLink(refused, fine);
        MAIL.rejectRecipients(refused::equals, 550);

        publish(link);

        eventually().until(() -> !failedFor(link.getLinkId()).isEmpty() && !sentFor(link.getLinkId()).isEmpty());
        NotificationFailed failed = failedFor(link.getLinkId()).get(0);
        assertThat(failedFor(link.getLinkId())).hasSize(1);
        assertThat(failed.getRecipientEmail()).isEqualTo(refused);
        assertThat(failed.getPermanent()).isTrue();
        assertThat(failed.getAttempts()).isEqualTo(1);
        assertThat(failed.getReason()).contains("550");
        assertThat(failed.getCausationEventId()).isEqualTo(link.getEventId());
        assertThat(sentFor(link.getLinkId())).singleElement()
                .extracting(NotificationSent::getRecipientEmail).isEqualTo(fine);
        assertThat(mailTo(refused)).isEmpty();
        assertThat(mailTo(fine)).hasSize(1);
    }

    @Test
    void aLinkThatDoesNotOpenFailsEveryRecipientPermanentlyAndNothingIsSent() {
        List<String> recipients = List.of(newEmail("locked-out"), newEmail("locked-out-too"));
        ShareLinkCreated underUnknownKey = sealedUnder(STRANGER, aSealedLink(recipients.toArray(String[]::new)));
        ShareLinkCreated anotherLinks = ShareLinkCreated.newBuilder(aSealedLink(newEmail("copied")))
                .setSealedLink(aSealedLink().getSealedLink()).build();
        ShareLinkCreated noLink = ShareLinkCreated.newBuilder(aSealedLink(newEmail("no-link"))).setSealedLink(null).build();
        ShareLinkCreated next = aSealedLink(newEmail("next"));

        publishInOrder(underUnknownKey, underUnknownKey.getLinkId());
        publishInOrder(anotherLinks, anotherLinks.getLinkId());
        publishInOrder(noLink, noLink.getLinkId());
        publishInOrder(next, next.getLinkId());

        eventually().until(() -> !sentFor(next.getLinkId()).isEmpty());
        eventually().until(() -> failedFor(underUnknownKey.getLinkId()).size() == 2
                && failedFor(anotherLinks.getLinkId()).size() == 1 && failedFor(noLink.getLinkId()).size() == 1);
        List<NotificationFailed> failed = failedFor(underUnknownKey.getLinkId());
        assertThat(failed).extracting(NotificationFailed::getRecipientEmail).containsExactlyInAnyOrderElementsOf(recipients);
        assertThat(failed).allSatisfy(f -> {
            assertThat(f.getPermanent()).isTrue();
            assertThat(f.getAttempts()).as("nothing was sent").isZero();
            assertThat(f.getReason()).startsWith("The share link does not open (UNKNOWN_KEY)");
        });
        assertThat(failedFor(anotherLinks.getLinkId()).get(0).getReason()).startsWith("The share link does not open (TAMPERED)");
        assertThat(failedFor(noLink.getLinkId()).get(0).getReason()).isEqualTo("The event carries no share link (no sealedLink)");
        for (ShareLinkCreated link : List.of(underUnknownKey, anotherLinks, noLink)) {
            assertThat(rowsOf(link.getEventId())).as("no send-log row").isEmpty();
            assertThat(processed(link.getEventId())).isTrue();
            assertThat(deadLetterKeys()).doesNotContain(link.getLinkId().toString());
        }
        recipients.forEach(r -> assertThat(mailTo(r)).isEmpty());
    }

    @Test
    void aLinkThatNoLongerOpensWhenItsTurnComesFailsThatRecipientWithoutAnAttempt() {
        String waiting = newEmail("waiting");
        ShareLinkCreated link = aSealedLink(waiting);
        MAIL.rejectRecipients(waiting::equals, 451);
        publish(link);
        eventually().until(() -> attemptsOf(link.getEventId(), waiting) >= 1
                && "PENDING".equals(stateOf(link.getEventId(), waiting)));

        // As if its key had been removed from SHAREFLOW_EVENTS_SEAL_KEY while it waited; only between two attempts,
        // so that no attempt under way still holds the link that opened.
        byte[] underRemovedKey = STRANGER.seal(linkOf(link), link.getLinkId().toString());
        eventually().until(() -> jdbc.sql("""
                        update notification set link_sealed = :sealed where event_id = :id and state = 'PENDING'
                        """)
                .param("sealed", underRemovedKey).param("id", link.getEventId()).update() == 1);
        MAIL.acceptAllRecipients();

        eventually().until(() -> !failedFor(link.getLinkId()).isEmpty());
        NotificationFailed failed = failedFor(link.getLinkId()).get(0);
        assertThat(failed.getRecipientEmail()).isEqualTo(waiting);
        assertThat(failed.getPermanent()).isTrue();
        assertThat(failed.getReason()).startsWith("The share link does not open (UNKNOWN_KEY)");
        assertThat(stateOf(link.getEventId(), waiting)).isEqualTo("FAILED");
        assertThat(mailTo(waiting)).isEmpty();
    }

    @Test
    void aPasswordLinkWithASubjectSaysThePasswordComesSeparately() {
        String recipient = newEmail("password");
        ShareLinkCreated link = ShareLinkCreated.newBuilder(aSealedLink(recipient)).setAudience("password")
                .setSubject("The drawings\r\nBcc: victim@example.com").build();

        publish(link);

        eventually().until(() -> !sentFor(link.getLinkId()).isEmpty());
        CapturedMessage mail = mailTo(recipient).get(0);
        assertThat(mail.subject()).isEqualTo("The drawings Bcc: victim@example.com");
        assertThat(mail.to()).containsExactly(recipient);
        assertThat(mail.text()).contains("The link is protected by a password, which is not in this e-mail: "
                + "Ada Sharer gives it to you separately.");
    }

    /** {@code link} with its link sealed under {@code keys} instead of the tests' key. */
    private static ShareLinkCreated sealedUnder(SealedFields keys, ShareLinkCreated link) {
        return ShareLinkCreated.newBuilder(link)
                .setSealedLink(ByteBuffer.wrap(keys.seal(linkOf(link), link.getLinkId().toString()))).build();
    }

    private static String newEmail(String name) {
        return EventFixtures.newEmail(name);
    }

    private int attemptsOf(UUID eventId, String recipient) {
        return jdbc.sql("select attempts from notification where event_id = :id and recipient_email = :recipient")
                .param("id", eventId).param("recipient", recipient).query(Integer.class).optional().orElse(0);
    }

    private boolean processed(UUID eventId) {
        return jdbc.sql("select count(*) from processed_event where consumer = 'share-notifier' and event_id = :id")
                .param("id", eventId).query(Integer.class).single() == 1;
    }

    private static Set<String> deadLetterKeys() {
        return Set.copyOf(TestInfrastructure.received(TestInfrastructure.DEAD_LETTERS).stream()
                .map(ConsumerRecord::key).toList());
    }
}
