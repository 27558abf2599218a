package io.shareflow.notifier;

import static io.shareflow.notifier.SealedEventFixtures.bytes;
import static io.shareflow.notifier.SealedEventFixtures.encodedAsVersion1;
import static io.shareflow.notifier.SealedEventFixtures.linkOf;
import static io.shareflow.notifier.SealedEventFixtures.plaintext;
import static io.shareflow.notifier.SealedEventFixtures.sealed;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import io.shareflow.embedded.mail.CapturedMessage;
import io.shareflow.events.NotificationFailed;
import io.shareflow.events.ShareRequested;
import io.shareflow.schemas.SealedFields;
import io.shareflow.testsupport.EventFixtures;
import io.shareflow.testsupport.SecretScanner;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The share link stays sealed from the event to the send log; it is opened in memory only, to render an attempt. A
 * link that does not open fails its notification permanently, and the partition goes on.
 */
class SealedLinkIT extends NotifierIntegrationSupport {

    private static final SealedFields STRANGER = SealedFields.fromKeyList(SealedFields.generateKeyList("stranger"));

    @Test
    void aLinkThatDoesNotOpenFailsItsNotificationPermanentlyAndTheNextShareIsStillMailed() {
        ShareRequested unknownKey = sealed(plaintext(EventFixtures.shareRequested()), STRANGER);
        ShareRequested flipped = withSealedLink(aShare(), sealed -> {
            sealed[sealed.length - 1] ^= 0x01;
            return sealed;
        });
        ShareRequested truncated = withSealedLink(aShare(), sealed -> Arrays.copyOf(sealed, 12));
        ShareRequested other = aShare();
        ShareRequested anotherSharesLink = ShareRequested.newBuilder(aShare()).setSealedLink(other.getSealedLink()).build();
        ShareRequested noLink = ShareRequested.newBuilder(aShare()).setSealedLink(null).setLinkUrl("").build();
        ShareRequested next = aShare();
        List<ShareRequested> bad = List.of(unknownKey, flipped, truncated, anotherSharesLink, noLink);

        bad.forEach(share -> publishInOrder(share, share.getShareId()));
        publishInOrder(next, next.getShareId());

        eventually().until(() -> !sentFor(next.getShareId()).isEmpty());
        assertThat(mailTo(next.getRecipientEmail())).hasSize(1);
        eventually().until(() -> bad.stream().noneMatch(share -> failedFor(share.getShareId()).isEmpty()));
        assertThat(failedFor(unknownKey.getShareId()).get(0).getReason())
                .isEqualTo("The share link does not open (UNKNOWN_KEY): the sealed value names key id stranger,"
                        + " which is not in SHAREFLOW_EVENTS_SEAL_KEY");
        assertThat(failedFor(flipped.getShareId()).get(0).getReason()).startsWith("The share link does not open (TAMPERED)");
        assertThat(failedFor(truncated.getShareId()).get(0).getReason()).startsWith("The share link does not open (TRUNCATED)");
        assertThat(failedFor(anotherSharesLink.getShareId()).get(0).getReason())
                .startsWith("The share link does not open (TAMPERED)");
        assertThat(failedFor(noLink.getShareId()).get(0).getReason()).startsWith("The event carries no share link");
        Set<String> deadLetterKeys = Set.copyOf(TestInfrastructure.received(TestInfrastructure.DEAD_LETTERS).stream()
                .map(ConsumerRecord::key).toList());
        for (ShareRequested share : bad) {
            List<NotificationFailed> failed = failedFor(share.getShareId());
            assertThat(failed).as("one NotificationFailed per event").hasSize(1);
            assertThat(failed.get(0).getPermanent()).isTrue();
            assertThat(failed.get(0).getAttempts()).as("nothing was sent").isZero();
            assertThat(failed.get(0).getCausationEventId()).isEqualTo(share.getEventId());
            assertThat(failed.get(0).getRecipientEmail()).isEqualTo(share.getRecipientEmail());
            assertThat(mailTo(share.getRecipientEmail())).isEmpty();
            assertThat(stateOf(share.getEventId())).as("nothing to send: no send-log row").isNull();
            assertThat(processed(share.getEventId())).as("the event is done with").isTrue();
            assertThat(deadLetterKeys).as("not a dead letter").doesNotContain(share.getShareId().toString());
        }
    }

    @Test
    void aVersion1RecordIsMailedWithItsLinkAndTheSendLogHoldsTheLinkOnlySealedUnderTheCurrentKey() {
        ShareRequested v1 = ShareRequested.newBuilder(plaintext(EventFixtures.shareRequested()))
                .setRecipientEmail("v1-" + UUID.randomUUID() + "@example.com").build();
        MAIL.rejectRecipients(v1.getRecipientEmail()::equals, 451);

        TestInfrastructure.kafka().sendRaw(TestInfrastructure.SHARE_EVENTS, null, v1.getShareId().toString(),
                encodedAsVersion1(v1));

        eventually().until(() -> attemptsOf(v1.getEventId()) >= 1 && "PENDING".equals(stateOf(v1.getEventId())));
        assertHoldsNoPlaintext(rowOf(v1.getEventId()), v1.getLinkUrl());
        byte[] sealed = linkSealedOf(v1.getEventId());
        assertThat(keyIdOf(sealed)).as("sealed by the notifier under its current key").isEqualTo("test");
        assertThat(TestInfrastructure.SEAL_KEYS.open(sealed, v1.getShareId().toString())).isEqualTo(v1.getLinkUrl());

        MAIL.acceptAllRecipients();

        eventually().until(() -> !sentFor(v1.getShareId()).isEmpty());
        CapturedMessage mail = mailTo(v1.getRecipientEmail()).get(0);
        assertThat(mail.text()).contains(v1.getLinkUrl());
        assertThat(mail.html()).contains("href=\"" + v1.getLinkUrl() + "\"");
        assertThat(linkSealedOf(v1.getEventId())).as("erased once sent").isNull();
        assertHoldsNoPlaintext(rowOf(v1.getEventId()), v1.getLinkUrl());
    }

    @Test
    void aVersion2LinkIsKeptAsItCameWhileTheEmailIsRetried() {
        ShareRequested share = aShareTo("greylisted-" + UUID.randomUUID() + "@example.com");
        MAIL.rejectRecipients(share.getRecipientEmail()::equals, 451);

        publish(share);

        eventually().until(() -> attemptsOf(share.getEventId()) >= 2 && "PENDING".equals(stateOf(share.getEventId())));
        assertHoldsNoPlaintext(rowOf(share.getEventId()), linkOf(share));
        assertThat(linkSealedOf(share.getEventId())).as("the event's sealed bytes, unopened")
                .isEqualTo(bytes(share.getSealedLink()));

        MAIL.acceptAllRecipients();

        eventually().until(() -> !sentFor(share.getShareId()).isEmpty());
        assertThat(sentFor(share.getShareId()).get(0).getAttempt()).isGreaterThanOrEqualTo(3);
        CapturedMessage mail = mailTo(share.getRecipientEmail()).get(0);
        assertThat(mail.messageId()).isEqualTo("<share-" + share.getShareId() + "-0@shareflow>");
        assertThat(mail.text()).contains(linkOf(share));
        assertHoldsNoPlaintext(rowOf(share.getEventId()), linkOf(share));
    }

    @Test
    void aLinkThatNoLongerOpensWhenItsTurnComesFailsPermanentlyWithoutAnAttempt() {
        UUID eventId = UUID.randomUUID();
        UUID shareId = UUID.randomUUID();
        String recipient = "removed-key-" + shareId + "@example.com";
        // Accepted while its key was known; the key was removed from SHAREFLOW_EVENTS_SEAL_KEY before it was sent.
        insertPending(eventId, shareId, recipient, STRANGER.seal("http://localhost:8080/s/gone", shareId.toString()));

        eventually().until(() -> !failedFor(shareId).isEmpty());
        NotificationFailed failed = failedFor(shareId).get(0);
        assertThat(failed.getPermanent()).isTrue();
        assertThat(failed.getAttempts()).isZero();
        assertThat(failed.getReason()).startsWith("The share link does not open (UNKNOWN_KEY)");
        assertThat(stateOf(eventId)).isEqualTo("FAILED");
        assertThat(attemptsOf(eventId)).isZero();
        assertThat(linkSealedOf(eventId)).isNull();
        assertThat(mailTo(recipient)).isEmpty();
    }

    @Test
    void aRowWrittenBeforeLinksWereSealedIsSentAsItWasRenderedAndErasedOnceSent() {
        UUID eventId = UUID.randomUUID();
        UUID shareId = UUID.randomUUID();
        String recipient = "drained-" + shareId + "@example.com";
        String link = "http://localhost:8080/s/" + UUID.randomUUID().toString().replace("-", "");
        // What V1 wrote: the e-mail rendered when the request was accepted, the link in plaintext in the bodies.
        jdbc.sql("""
                        insert into notification (event_id, share_id, resend, message_id, recipient_email,
                                                  reply_to_email, reply_to_name, subject, text_body, html_body, state)
                        values (:eventId, :shareId, 0, :messageId, :recipient, 'ada@example.com', 'Ada',
                                'Rendered before V2', :text, :html, 'PENDING')
                        """)
                .param("eventId", eventId).param("shareId", shareId)
                .param("messageId", "<share-" + shareId + "-0@shareflow>").param("recipient", recipient)
                .param("text", "Open it: " + link + "\n").param("html", "<p><a href=\"" + link + "\">Open</a></p>\n")
                .update();

        eventually().until(() -> !sentFor(shareId).isEmpty());
        CapturedMessage mail = mailTo(recipient).get(0);
        assertThat(mail.subject()).isEqualTo("Rendered before V2");
        assertThat(mail.text()).contains("Open it: " + link);
        assertThat(mail.messageId()).isEqualTo("<share-" + shareId + "-0@shareflow>");
        assertThat(stateOf(eventId)).isEqualTo("SENT");
        assertHoldsNoPlaintext(rowOf(eventId), link);
    }

    private static ShareRequested withSealedLink(ShareRequested share, UnaryOperator<byte[]> change) {
        return ShareRequested.newBuilder(share).setSealedLink(ByteBuffer.wrap(change.apply(bytes(share.getSealedLink()))))
                .build();
    }

    private void insertPending(UUID eventId, UUID shareId, String recipient, byte[] sealedLink) {
        jdbc.sql("""
                        insert into notification (event_id, share_id, resend, message_id, recipient_email, invitation,
                                                  link_sealed, state)
                        values (:eventId, :shareId, 0, :messageId, :recipient,
                                '{"sharerName": "Ada", "sharerEmail": "ada@example.com", "resourceName": "r",
                                  "resourceKind": "file", "role": "viewer"}', :sealed, 'PENDING')
                        """)
                .param("eventId", eventId).param("shareId", shareId)
                .param("messageId", "<share-" + shareId + "-0@shareflow>").param("recipient", recipient)
                .param("sealed", sealedLink)
                .update();
    }

    private byte[] linkSealedOf(UUID eventId) {
        return jdbc.sql("select link_sealed from notification where event_id = :id").param("id", eventId)
                .query((rs, n) -> rs.getBytes(1)).list().get(0);
    }

    private boolean processed(UUID eventId) {
        return jdbc.sql("select count(*) from processed_event where consumer = 'share-notifier' and event_id = :id")
                .param("id", eventId).query(Integer.class).single() == 1;
    }

    /** The id of the key a value was sealed under: format byte, id length, id. */
    static String keyIdOf(byte[] sealed) {
        return new String(sealed, 2, sealed[1], StandardCharsets.US_ASCII);
    }

    static void assertHoldsNoPlaintext(String row, String link) {
        assertThat(row).isNotNull();
        assertThat(SecretScanner.of(SecretScanner.tokenOf(link)).findIn("the send-log row", row))
                .as("the send-log row holds no form of the token").isEmpty();
    }
}
