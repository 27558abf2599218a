package io.shareflow.notifier;

import static io.shareflow.notifier.SealedEventFixtures.linkOf;
import static io.shareflow.notifier.SealedEventFixtures.sealedResendOf;
import static io.shareflow.testsupport.EventFixtures.revocationOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.UUID;

import io.shareflow.embedded.mail.CapturedMessage;
import io.shareflow.events.NotificationSent;
import io.shareflow.events.ShareNotificationRequested;
import io.shareflow.events.ShareRequested;
import org.junit.jupiter.api.Test;

class NotificationDeliveryIT extends NotifierIntegrationSupport {

    @Test
    void sendsOneInvitationWithTheLinkAndReportsNotificationSent() {
        ShareRequested share = aShare();

        publish(share);

        eventually().until(() -> !sentFor(share.getShareId()).isEmpty());
        CapturedMessage mail = mailTo(share.getRecipientEmail()).get(0);
        assertThat(mailTo(share.getRecipientEmail())).hasSize(1);
        assertThat(mail.messageId()).isEqualTo("<share-" + share.getShareId() + "-0@shareflow>");
        assertThat(mail.from()).isEqualTo("shareflow <no-reply@shareflow.local>");
        assertThat(mail.subject()).isEqualTo("Ada Sharer shared \"Pump P-101 manual.pdf\" with you");
        assertThat(mail.text()).contains(linkOf(share)).contains("here it is. <b>not bold</b>")
                .contains("31 January 2027");
        assertThat(mail.html()).contains("href=\"" + linkOf(share) + "\"").contains("&lt;b&gt;not bold&lt;/b&gt;");

        NotificationSent sent = sentFor(share.getShareId()).get(0);
        assertThat(sent.getCausationEventId()).isEqualTo(share.getEventId());
        assertThat(sent.getMessageId()).isEqualTo(mail.messageId());
        assertThat(sent.getAttempt()).isEqualTo(1);
        assertThat(sent.getSkipped()).isFalse();
        assertThat(sent.getRecipientEmail()).as("version 2 names the recipient").isEqualTo(share.getRecipientEmail());
        assertThat(stateOf(share.getEventId())).isEqualTo("SENT");
        assertThat(jdbc.sql("select link_sealed is null and invitation is not null from notification where event_id = :id")
                .param("id", share.getEventId()).query(Boolean.class).single())
                .as("the sealed link is erased once sent; the invitation, which holds no secret, stays").isTrue();
    }

    @Test
    void theSameEventDeliveredTwiceSendsOneEmail() {
        ShareRequested share = aShare();
        ShareRequested marker = aSilentShare();

        publishInOrder(share, share.getShareId());
        publishInOrder(share, share.getShareId());
        publishInOrder(marker, marker.getShareId());

        // The marker comes after both copies on the same partition: once it is answered, both were consumed.
        eventually().until(() -> !sentFor(marker.getShareId()).isEmpty() && !sentFor(share.getShareId()).isEmpty());
        assertThat(mailTo(share.getRecipientEmail())).hasSize(1);
        assertThat(sentFor(share.getShareId())).hasSize(1);
    }

    @Test
    void notifyFalseSendsNothingAndReportsSkipped() {
        ShareRequested share = aSilentShare();

        publish(share);

        eventually().until(() -> !sentFor(share.getShareId()).isEmpty());
        NotificationSent sent = sentFor(share.getShareId()).get(0);
        assertThat(sent.getSkipped()).isTrue();
        assertThat(sent.getMessageId()).isNull();
        assertThat(sent.getCausationEventId()).isEqualTo(share.getEventId());
        assertThat(sent.getRecipientEmail()).isEqualTo(share.getRecipientEmail());
        assertThat(mailTo(share.getRecipientEmail())).isEmpty();
        assertThat(stateOf(share.getEventId())).as("nothing to send, nothing in the send log").isNull();
    }

    @Test
    void aResendIsSentWithItsOwnMessageId() {
        ShareRequested share = aShare();
        ShareNotificationRequested resend = sealedResendOf(share, 2);

        publishInOrder(share, share.getShareId());
        publishInOrder(resend, share.getShareId());

        eventually().until(() -> sentFor(share.getShareId()).size() == 2);
        assertThat(mailTo(share.getRecipientEmail())).extracting(CapturedMessage::messageId)
                .containsExactlyInAnyOrder("<share-" + share.getShareId() + "-0@shareflow>",
                        "<share-" + share.getShareId() + "-2@shareflow>");
        assertThat(mailTo(share.getRecipientEmail())).extracting(CapturedMessage::subject)
                .contains("Reminder: the manual");
        assertThat(sentFor(share.getShareId())).extracting(NotificationSent::getCausationEventId)
                .containsExactlyInAnyOrder(share.getEventId(), resend.getEventId());
    }

    /**
     * share-api re-sends a share whose provisioning never answered as its {@code ShareRequested} again (new event,
     * {@code attempt} N): a second invitation, whose Message-ID a receiver must not take for a repeat of the first.
     */
    @Test
    void aShareRequestedAgainIsSentWithTheMessageIdOfItsAttempt() {
        ShareRequested share = aShare();
        ShareRequested again = ShareRequested.newBuilder(share).setEventId(UUID.randomUUID()).setAttempt(1)
                .build();

        publishInOrder(share, share.getShareId());
        publishInOrder(again, share.getShareId());

        eventually().until(() -> sentFor(share.getShareId()).size() == 2);
        assertThat(mailTo(share.getRecipientEmail())).extracting(CapturedMessage::messageId)
                .containsExactlyInAnyOrder("<share-" + share.getShareId() + "-0@shareflow>",
                        "<share-" + share.getShareId() + "-1@shareflow>");
        assertThat(sentFor(share.getShareId()))
                .extracting(NotificationSent::getCausationEventId, NotificationSent::getMessageId)
                .containsExactlyInAnyOrder(
                        tuple(share.getEventId(), "<share-" + share.getShareId() + "-0@shareflow>"),
                        tuple(again.getEventId(), "<share-" + share.getShareId() + "-1@shareflow>"));
    }

    @Test
    void otherShareEventsAreNotItsBusiness() {
        ShareRequested share = aShare();
        ShareRequested marker = aSilentShare();

        publishInOrder(revocationOf(share), share.getShareId());
        publishInOrder(marker, marker.getShareId());

        eventually().until(() -> !sentFor(marker.getShareId()).isEmpty());
        assertThat(resultsFor(share.getShareId())).isEmpty();
        assertThat(mailTo(share.getRecipientEmail())).isEmpty();
    }
}
