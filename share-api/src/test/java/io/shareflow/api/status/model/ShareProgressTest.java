package io.shareflow.api.status.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The share state machine, over every reachable and unreachable state and every input. */
class ShareProgressTest {

    private static final UUID SHARE = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-05-01T12:00:00Z");

    /** Every state the four facts can describe, reachable or not. */
    static List<ShareProgress> allStates() {
        List<ShareProgress> states = new ArrayList<>();
        for (Provisioning provisioning : Provisioning.values()) {
            for (Notification notification : Notification.values()) {
                for (boolean revoked : new boolean[] {false, true}) {
                    for (boolean expired : new boolean[] {false, true}) {
                        states.add(new ShareProgress(provisioning, notification, revoked, expired));
                    }
                }
            }
        }
        return states;
    }

    /** Every input: each outcome another service can report, and each user action. */
    static List<Input> allInputs() {
        return List.of(
                new Input("RecipientProvisioned(EXISTING_USER)", p -> outcome(ShareOutcome.provisioned(
                        UUID.randomUUID(), AT, SHARE, Provisioning.EXISTING_USER), p)),
                new Input("RecipientProvisioned(USER_CREATED)", p -> outcome(ShareOutcome.provisioned(
                        UUID.randomUUID(), AT, SHARE, Provisioning.USER_CREATED), p)),
                new Input("RecipientRejected", p -> outcome(ShareOutcome.rejected(
                        UUID.randomUUID(), AT, SHARE, "other organisation"), p)),
                new Input("NotificationSent", p -> outcome(ShareOutcome.notified(UUID.randomUUID(), AT, SHARE, false), p)),
                new Input("NotificationSent(skipped)", p -> outcome(ShareOutcome.notified(
                        UUID.randomUUID(), AT, SHARE, true), p)),
                new Input("NotificationFailed", p -> outcome(ShareOutcome.notificationFailed(
                        UUID.randomUUID(), AT, SHARE, false), p)),
                new Input("revoke", ShareProgress::revoke),
                new Input("expire", ShareProgress::expire));
    }

    record Input(String name, UnaryOperator<ShareProgress> apply) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static ShareProgress outcome(ShareOutcome outcome, ShareProgress progress) {
        return outcome.applyTo(progress);
    }

    static Stream<Arguments> everyStateAndInput() {
        return allStates().stream().flatMap(state -> allInputs().stream().map(input -> Arguments.of(state, input)));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyStateAndInput")
    void statusNeverMovesBackward(ShareProgress state, Input input) {
        ShareProgress next = input.apply().apply(state);

        assertThat(next.status().rank()).isGreaterThanOrEqualTo(state.status().rank());
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyStateAndInput")
    void finalOutcomesAndUserActionsAreNeverUndone(ShareProgress state, Input input) {
        ShareProgress next = input.apply().apply(state);

        if (state.provisioning().isFinal()) {
            assertThat(next.provisioning()).isEqualTo(state.provisioning());
        }
        if (state.notification() == Notification.SENT || state.notification() == Notification.SKIPPED) {
            assertThat(next.notification()).isEqualTo(state.notification());
        }
        if (state.notification() == Notification.FAILED) {
            assertThat(next.notification()).isIn(Notification.FAILED, Notification.SENT, Notification.SKIPPED);
        }
        if (state.revoked()) {
            assertThat(next.revoked()).isTrue();
            assertThat(next.status()).isEqualTo(ShareStatus.REVOKED);
        }
        if (state.expired()) {
            assertThat(next.expired()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyStateAndInput")
    void applyingTheSameInputTwiceChangesNothingTheSecondTime(ShareProgress state, Input input) {
        ShareProgress once = input.apply().apply(state);

        assertThat(input.apply().apply(once)).isEqualTo(once);
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyStateAndInput")
    void terminalStatusesStayUnlessAUserActs(ShareProgress state, Input input) {
        ShareProgress next = input.apply().apply(state);
        boolean userAction = input.name().equals("revoke") || input.name().equals("expire");

        if (!userAction && (state.status() == ShareStatus.REVOKED || state.status() == ShareStatus.EXPIRED
                || state.status() == ShareStatus.REJECTED)) {
            assertThat(next.status()).isEqualTo(state.status());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allStates")
    void statusIsDerivedByPrecedence(ShareProgress state) {
        ShareStatus expected;
        if (state.revoked()) {
            expected = ShareStatus.REVOKED;
        } else if (state.expired()) {
            expected = ShareStatus.EXPIRED;
        } else if (state.provisioning() == Provisioning.REJECTED) {
            expected = ShareStatus.REJECTED;
        } else if (state.notification() == Notification.FAILED) {
            expected = ShareStatus.NOTIFICATION_FAILED;
        } else if ((state.provisioning() == Provisioning.EXISTING_USER || state.provisioning() == Provisioning.USER_CREATED)
                && (state.notification() == Notification.SENT || state.notification() == Notification.SKIPPED)) {
            expected = ShareStatus.ACTIVE;
        } else {
            expected = ShareStatus.PENDING;
        }
        assertThat(state.status()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allStates")
    void storedStatesReadBackEqual(ShareProgress state) {
        // Only the user actions are folded into the status: a revoked+expired share reads back as revoked.
        ShareProgress stored = ShareProgress.of(state.status(), state.provisioning(), state.notification());

        assertThat(stored.status()).isEqualTo(state.status());
    }

    @Test
    void aNewShareIsPendingWithNothingDone() {
        assertThat(ShareProgress.requested(true))
                .isEqualTo(new ShareProgress(Provisioning.PENDING, Notification.PENDING, false, false));
        assertThat(ShareProgress.requested(true).status()).isEqualTo(ShareStatus.PENDING);
    }

    @Test
    void aShareWithoutInvitationSkipsTheNotification() {
        assertThat(ShareProgress.requested(false).notification()).isEqualTo(Notification.SKIPPED);
        assertThat(ShareProgress.requested(false).withProvisioning(Provisioning.USER_CREATED).status())
                .isEqualTo(ShareStatus.ACTIVE);
    }

    @Test
    void provisionedAndNotifiedInEitherOrderIsActive() {
        ShareProgress requested = ShareProgress.requested(true);

        assertThat(requested.withProvisioning(Provisioning.EXISTING_USER).withNotification(Notification.SENT).status())
                .isEqualTo(ShareStatus.ACTIVE);
        assertThat(requested.withNotification(Notification.SENT).withProvisioning(Provisioning.USER_CREATED).status())
                .isEqualTo(ShareStatus.ACTIVE);
        assertThat(requested.withProvisioning(Provisioning.EXISTING_USER).status()).isEqualTo(ShareStatus.PENDING);
        assertThat(requested.withNotification(Notification.SENT).status()).isEqualTo(ShareStatus.PENDING);
    }

    @Test
    void aFailedInvitationIsNotificationFailedUntilAResendSucceeds() {
        ShareProgress failed = ShareProgress.requested(true).withProvisioning(Provisioning.USER_CREATED)
                .withNotification(Notification.FAILED);

        assertThat(failed.status()).isEqualTo(ShareStatus.NOTIFICATION_FAILED);
        assertThat(failed.withNotification(Notification.SENT).status()).isEqualTo(ShareStatus.ACTIVE);
        assertThat(failed.withNotification(Notification.SENT).withNotification(Notification.FAILED).status())
                .isEqualTo(ShareStatus.ACTIVE);
    }

    @Test
    void aResentInvitationThatSucceedsBeforeProvisioningIsPendingAgain() {
        ShareProgress failed = ShareProgress.requested(true).withNotification(Notification.FAILED);

        assertThat(failed.status()).isEqualTo(ShareStatus.NOTIFICATION_FAILED);
        assertThat(failed.withNotification(Notification.SENT).status()).isEqualTo(ShareStatus.PENDING);
        assertThat(failed.withNotification(Notification.SENT).withProvisioning(Provisioning.EXISTING_USER).status())
                .isEqualTo(ShareStatus.ACTIVE);
    }

    @Test
    void aLateProvisioningAfterRejectionChangesNothing() {
        ShareProgress rejected = ShareProgress.requested(true).withProvisioning(Provisioning.REJECTED)
                .withNotification(Notification.SENT);

        assertThat(rejected.status()).isEqualTo(ShareStatus.REJECTED);
        assertThat(rejected.withProvisioning(Provisioning.USER_CREATED)).isEqualTo(rejected);
    }

    @Test
    void aRejectionAfterAFailedInvitationRejects() {
        ShareProgress failed = ShareProgress.requested(true).withNotification(Notification.FAILED);

        assertThat(failed.withProvisioning(Provisioning.REJECTED).status()).isEqualTo(ShareStatus.REJECTED);
    }

    @Test
    void nothingTurnsARevokedShareActive() {
        ShareProgress revoked = ShareProgress.requested(true).revoke();

        ShareProgress afterEvents = revoked.withProvisioning(Provisioning.EXISTING_USER)
                .withNotification(Notification.SENT);

        assertThat(afterEvents.status()).isEqualTo(ShareStatus.REVOKED);
        assertThat(afterEvents.expire().status()).isEqualTo(ShareStatus.REVOKED);
    }

    @Test
    void historyCausesNameTheEvent() {
        assertThat(ShareOutcome.provisioned(UUID.randomUUID(), AT, SHARE, Provisioning.USER_CREATED).cause())
                .isEqualTo("RecipientProvisioned(USER_CREATED)");
        assertThat(ShareOutcome.rejected(UUID.randomUUID(), AT, SHARE, "x".repeat(500)).cause()).hasSize(200);
    }
}
