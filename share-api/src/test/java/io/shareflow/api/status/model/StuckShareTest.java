package io.shareflow.api.status.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class StuckShareTest {

    private static final Duration TWO_HOURS = Duration.ofHours(2);

    @Test
    void aShareWithoutAnyOutcomeNamesBothServices() {
        ShareProgress requested = ShareProgress.requested(true);

        assertThat(StuckShare.silent(requested)).containsExactly("user-provisioner", "share-notifier");
        assertThat(StuckShare.cause(requested, TWO_HOURS)).isEqualTo("StuckShare(provisioning PENDING, notification"
                + " PENDING after PT2H: no outcome from user-provisioner, share-notifier)");
    }

    @Test
    void onlyWhatIsStillPendingIsNamed() {
        ShareProgress provisioned = ShareProgress.requested(true).withProvisioning(Provisioning.USER_CREATED);
        ShareProgress notified = ShareProgress.requested(true).withNotification(Notification.SENT);

        assertThat(StuckShare.cause(provisioned, TWO_HOURS)).isEqualTo("StuckShare(provisioning USER_CREATED,"
                + " notification PENDING after PT2H: no outcome from share-notifier)");
        assertThat(StuckShare.silent(notified)).containsExactly("user-provisioner");
        assertThat(StuckShare.silent(ShareProgress.requested(false))).containsExactly("user-provisioner");
    }

    @Test
    void aLinkRecipientsCauseNamesTheRecipient() {
        assertThat(StuckShare.recipientCause("ann@example.com", Duration.ofMinutes(90))).isEqualTo(
                "StuckShare(notification to ann@example.com PENDING after PT1H30M: no outcome from share-notifier)");
    }
}
