package io.shareflow.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.UUID;

import io.shareflow.events.ShareLinkCreated;
import io.shareflow.events.ShareNotificationRequested;
import io.shareflow.events.ShareRequested;
import io.shareflow.events.ShareRevoked;
import io.shareflow.testsupport.EventFixtures;
import org.junit.jupiter.api.Test;

/**
 * {@code ShareRevoked}: what is still to be sent for the share (pending, or waiting for a retry) is dropped and never
 * sent later, once per event; and a link's re-send ({@code ShareNotificationRequested} version 3) is the link's e-mail.
 */
class RevokedShareIT extends NotifierIntegrationSupport {

    @Test
    void aRetryStillPendingWhenTheShareIsRevokedIsNeverSent() {
        ShareRequested share = aShare();
        MAIL.stopSmtp();

        publishInOrder(share, share.getShareId());
        eventually().until(() -> attemptsOf(share.getEventId()) >= 1 && "PENDING".equals(stateOf(share.getEventId())));
        ShareRevoked revoked = EventFixtures.revocationOf(share);
        publishInOrder(revoked, share.getShareId());
        eventually().until(() -> "DROPPED".equals(stateOf(share.getEventId())));
        MAIL.startSmtp();

        // Another share on the same partition after it: once its e-mail is out, the dispatcher has had every chance.
        ShareRequested after = aShare();
        publishInOrder(after, after.getShareId());
        eventually().until(() -> !sentFor(after.getShareId()).isEmpty());
        assertThat(mailTo(share.getRecipientEmail())).as("a revoked share's e-mail is never sent").isEmpty();
        assertThat(resultsFor(share.getShareId())).as("nothing reported for a dropped e-mail").isEmpty();
        assertThat(rowOf(share.getEventId())).contains("\"link_sealed\":null")
                .contains("The share was revoked before the e-mail was sent");

        // A replay of the revocation and a revocation of a share with nothing pending change nothing.
        publishInOrder(revoked, share.getShareId());
        ShareRevoked nothingPending = EventFixtures.revocationOf(after);
        publishInOrder(nothingPending, after.getShareId());
        eventually().until(() -> count("select count(*) from processed_event where event_id = ?",
                nothingPending.getEventId()) == 1);
        assertThat(stateOf(after.getEventId())).isEqualTo("SENT");
        assertThat(count("select count(*) from processed_event where event_id = ?", revoked.getEventId())).isEqualTo(1);
    }

    @Test
    void aLinksReSendIsTheLinkEmailToThatRecipientWithItsOwnMessageId() {
        String ann = EventFixtures.newEmail("ann");
        ShareLinkCreated link = SealedEventFixtures.aSealedLink(ann);
        publish(link);
        eventually().until(() -> mailTo(ann).size() == 1);

        ShareNotificationRequested resend = ShareNotificationRequested.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(link.getOccurredAt()).setShareId(link.getLinkId())
                .setOrganizationId(link.getOrganizationId()).setAttempt(1).setResourceName(link.getResourceName())
                .setResourceKind(link.getResourceKind()).setSharerName(link.getSharerName())
                .setSharerEmail(link.getSharerEmail()).setRecipientEmail(ann).setRole(link.getRole())
                .setSubject(null).setMessage(link.getMessage()).setExpiresAt(link.getExpiresAt()).setLinkUrl("")
                .setSealedLink(ByteBuffer.wrap(SealedEventFixtures.bytes(link.getSealedLink())))
                .setAudience(link.getAudience()).setLinkName(link.getName())
                .build();
        publishInOrder(resend, link.getLinkId());
        publishInOrder(resend, link.getLinkId());

        eventually().until(() -> mailTo(ann).size() == 2);
        var first = mailTo(ann).get(0);
        var again = mailTo(ann).get(1);
        assertThat(again.messageId()).isNotEqualTo(first.messageId())
                .startsWith("<share-" + link.getLinkId() + "-1-");
        assertThat(again.text()).contains(SealedEventFixtures.linkOf(link)).contains("For the auditors");
        eventually().until(() -> sentFor(link.getLinkId()).size() == 2);
        assertThat(sentFor(link.getLinkId()).get(1).getRecipientEmail()).isEqualTo(ann);
        assertThat(mailTo(ann)).as("one e-mail per re-send event, replays included").hasSize(2);
    }

    private long count(String sql, Object... params) {
        var statement = jdbc.sql(sql);
        for (Object param : params) {
            statement = statement.param(param);
        }
        return statement.query(Long.class).single();
    }
}
