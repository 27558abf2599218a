package io.shareflow.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.shareflow.events.NotificationFailed;
import io.shareflow.events.NotificationSent;
import io.shareflow.events.ShareRequested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

class NotificationRetryIT extends NotifierIntegrationSupport {

    @Autowired
    MeterRegistry meters;

    @Test
    void smtpDownThenBackWithinTheRetryWindowSendsExactlyOneEmail() {
        ShareRequested share = aShare();
        MAIL.stopSmtp();

        publish(share);
        eventually().until(() -> attemptsOf(share.getEventId()) >= 1 && "PENDING".equals(stateOf(share.getEventId())));
        MAIL.startSmtp();

        eventually().until(() -> !sentFor(share.getShareId()).isEmpty());
        assertThat(mailTo(share.getRecipientEmail())).hasSize(1);
        NotificationSent sent = sentFor(share.getShareId()).get(0);
        assertThat(sent.getAttempt()).isGreaterThanOrEqualTo(2);
        assertThat(failedFor(share.getShareId())).isEmpty();
    }

    @Test
    void smtpDownForTheWholeWindowFailsTheNotificationWithoutHoldingUpThePartition() {
        ShareRequested share = aShare();
        ShareRequested next = aSilentShare();
        MAIL.stopSmtp();

        publishInOrder(share, share.getShareId());
        publishInOrder(next, next.getShareId());

        // The next event on the same partition is handled while the first one is still being retried.
        eventually().until(() -> !sentFor(next.getShareId()).isEmpty());
        assertThat(failedFor(share.getShareId())).isEmpty();

        eventually().until(() -> !failedFor(share.getShareId()).isEmpty());
        NotificationFailed failed = failedFor(share.getShareId()).get(0);
        assertThat(failed.getPermanent()).isFalse();
        assertThat(failed.getAttempts()).isEqualTo(MAX_ATTEMPTS);
        assertThat(failed.getReason()).startsWith("Gave up after " + MAX_ATTEMPTS + " attempts")
                .contains("Cannot connect to the SMTP server");
        assertThat(failed.getCausationEventId()).isEqualTo(share.getEventId());
        assertThat(stateOf(share.getEventId())).isEqualTo("FAILED");

        MAIL.startSmtp();
        ShareRequested after = aSilentShare();
        publishInOrder(after, after.getShareId());
        eventually().until(() -> !sentFor(after.getShareId()).isEmpty());
        assertThat(mailTo(share.getRecipientEmail())).as("a failed notification is not sent later").isEmpty();
    }

    @Test
    void aRecipientRefusedWith4xxIsRetriedWhileOtherSharesAreMailed() {
        ShareRequested greylisted = aShareTo("greylisted-" + UUID.randomUUID() + "@example.com");
        ShareRequested other = aShare();
        MAIL.rejectRecipients(greylisted.getRecipientEmail()::equals, 451);
        double retriedBefore = retried();

        publishInOrder(greylisted, greylisted.getShareId());
        publishInOrder(other, other.getShareId());

        eventually().until(() -> !sentFor(other.getShareId()).isEmpty());
        assertThat(mailTo(other.getRecipientEmail())).hasSize(1);
        assertThat(failedFor(greylisted.getShareId())).as("still retrying").isEmpty();

        eventually().until(() -> !failedFor(greylisted.getShareId()).isEmpty());
        NotificationFailed failed = failedFor(greylisted.getShareId()).get(0);
        assertThat(failed.getPermanent()).isFalse();
        assertThat(failed.getAttempts()).isEqualTo(MAX_ATTEMPTS);
        assertThat(failed.getReason()).contains("451");
        assertThat(mailTo(greylisted.getRecipientEmail())).isEmpty();
        // Every attempt but the last scheduled another (the counter is the context's: other tests may add to it).
        assertThat(retried() - retriedBefore).isGreaterThanOrEqualTo(MAX_ATTEMPTS - 1);
    }

    private double retried() {
        return meters.get("shareflow.notifier.emails.retried").counter().count();
    }

    @Test
    void aRecipientRefusedWith5xxFailsAtOnce() {
        ShareRequested share = aShareTo("nobody-" + UUID.randomUUID() + "@example.com");
        MAIL.rejectRecipients(share.getRecipientEmail()::equals, 550);

        publish(share);

        eventually().until(() -> !failedFor(share.getShareId()).isEmpty());
        NotificationFailed failed = failedFor(share.getShareId()).get(0);
        assertThat(failed.getPermanent()).isTrue();
        assertThat(failed.getAttempts()).isEqualTo(1);
        assertThat(failed.getReason()).contains("550");
        assertThat(failed.getRecipientEmail()).isEqualTo(share.getRecipientEmail());
        assertThat(attemptsOf(share.getEventId())).isEqualTo(1);
        assertThat(mailTo(share.getRecipientEmail())).isEmpty();
    }

    @Test
    void anInvalidRecipientAddressFailsAtOnce() {
        ShareRequested share = aShareTo("not an address");

        publish(share);

        eventually().until(() -> !failedFor(share.getShareId()).isEmpty());
        assertThat(failedFor(share.getShareId()).get(0).getPermanent()).isTrue();
    }
}
