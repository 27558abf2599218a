package io.shareflow.api.status.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The share state machine, in three parts.
 *
 * <ol>
 *   <li>How {@code status()} follows from the four facts: a truth table of all 80 states.
 *   <li>What each input does to the facts: one small transition table per kind of input, each row
 *       checked against every state it applies to. Together with (1) this pins down every one of
 *       the 80 x 8 transitions.
 *   <li>The invariants callers rely on, checked over every state x every input, reachable or not:
 *       replaying an input changes nothing, the status never moves backwards, final outcomes and
 *       user actions are never undone. They say <em>why</em> the tables look as they do, and keep
 *       holding if someone edits a table row by mistake.
 * </ol>
 *
 * Then a few stories in the order events really arrive.
 */
class ShareProgressTest {

    private static final UUID SHARE = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-05-01T12:00:00Z");

    // ---------------------------------------------------------------------------------------------
    // 1. The status of each state. Precedence: revoked, rejected, expired, failed invitation,
    //    done (provisioned and sent or skipped), pending.

    @ParameterizedTest(name = "{0}, {1}, revoked={2}, expired={3} -> {4}")
    @CsvSource(textBlock = """
            # provisioning, notification, revoked, expired, status
            #
            # No user action: provisioning and notification decide.
            PENDING,        PENDING,      false,   false,   PENDING
            PENDING,        FAILED,       false,   false,   NOTIFICATION_FAILED
            PENDING,        SENT,         false,   false,   PENDING
            PENDING,        SKIPPED,      false,   false,   PENDING
            EXISTING_USER,  PENDING,      false,   false,   PENDING
            EXISTING_USER,  FAILED,       false,   false,   NOTIFICATION_FAILED
            EXISTING_USER,  SENT,         false,   false,   ACTIVE
            EXISTING_USER,  SKIPPED,      false,   false,   ACTIVE
            USER_CREATED,   PENDING,      false,   false,   PENDING
            USER_CREATED,   FAILED,       false,   false,   NOTIFICATION_FAILED
            USER_CREATED,   SENT,         false,   false,   ACTIVE
            USER_CREATED,   SKIPPED,      false,   false,   ACTIVE
            # A rejected recipient outranks a failed invitation.
            REJECTED,       PENDING,      false,   false,   REJECTED
            REJECTED,       FAILED,       false,   false,   REJECTED
            REJECTED,       SENT,         false,   false,   REJECTED
            REJECTED,       SKIPPED,      false,   false,   REJECTED
            # A link (nothing to provision) is ACTIVE from its creation; its own notification is SKIPPED.
            NONE,           PENDING,      false,   false,   PENDING
            NONE,           FAILED,       false,   false,   NOTIFICATION_FAILED
            NONE,           SENT,         false,   false,   ACTIVE
            NONE,           SKIPPED,      false,   false,   ACTIVE
            #
            # Expired outranks everything the services report but a rejection (REJECTED over EXPIRED).
            PENDING,        PENDING,      false,   true,    EXPIRED
            PENDING,        FAILED,       false,   true,    EXPIRED
            PENDING,        SENT,         false,   true,    EXPIRED
            PENDING,        SKIPPED,      false,   true,    EXPIRED
            EXISTING_USER,  PENDING,      false,   true,    EXPIRED
            EXISTING_USER,  FAILED,       false,   true,    EXPIRED
            EXISTING_USER,  SENT,         false,   true,    EXPIRED
            EXISTING_USER,  SKIPPED,      false,   true,    EXPIRED
            USER_CREATED,   PENDING,      false,   true,    EXPIRED
            USER_CREATED,   FAILED,       false,   true,    EXPIRED
            USER_CREATED,   SENT,         false,   true,    EXPIRED
            USER_CREATED,   SKIPPED,      false,   true,    EXPIRED
            REJECTED,       PENDING,      false,   true,    REJECTED
            REJECTED,       FAILED,       false,   true,    REJECTED
            REJECTED,       SENT,         false,   true,    REJECTED
            REJECTED,       SKIPPED,      false,   true,    REJECTED
            NONE,           PENDING,      false,   true,    EXPIRED
            NONE,           FAILED,       false,   true,    EXPIRED
            NONE,           SENT,         false,   true,    EXPIRED
            NONE,           SKIPPED,      false,   true,    EXPIRED
            #
            # Revoked outranks everything, expiry included.
            PENDING,        PENDING,      true,    false,   REVOKED
            PENDING,        FAILED,       true,    false,   REVOKED
            PENDING,        SENT,         true,    false,   REVOKED
            PENDING,        SKIPPED,      true,    false,   REVOKED
            EXISTING_USER,  PENDING,      true,    false,   REVOKED
            EXISTING_USER,  FAILED,       true,    false,   REVOKED
            EXISTING_USER,  SENT,         true,    false,   REVOKED
            EXISTING_USER,  SKIPPED,      true,    false,   REVOKED
            USER_CREATED,   PENDING,      true,    false,   REVOKED
            USER_CREATED,   FAILED,       true,    false,   REVOKED
            USER_CREATED,   SENT,         true,    false,   REVOKED
            USER_CREATED,   SKIPPED,      true,    false,   REVOKED
            REJECTED,       PENDING,      true,    false,   REVOKED
            REJECTED,       FAILED,       true,    false,   REVOKED
            REJECTED,       SENT,         true,    false,   REVOKED
            REJECTED,       SKIPPED,      true,    false,   REVOKED
            NONE,           PENDING,      true,    false,   REVOKED
            NONE,           FAILED,       true,    false,   REVOKED
            NONE,           SENT,         true,    false,   REVOKED
            NONE,           SKIPPED,      true,    false,   REVOKED
            PENDING,        PENDING,      true,    true,    REVOKED
            PENDING,        FAILED,       true,    true,    REVOKED
            PENDING,        SENT,         true,    true,    REVOKED
            PENDING,        SKIPPED,      true,    true,    REVOKED
            EXISTING_USER,  PENDING,      true,    true,    REVOKED
            EXISTING_USER,  FAILED,       true,    true,    REVOKED
            EXISTING_USER,  SENT,         true,    true,    REVOKED
            EXISTING_USER,  SKIPPED,      true,    true,    REVOKED
            USER_CREATED,   PENDING,      true,    true,    REVOKED
            USER_CREATED,   FAILED,       true,    true,    REVOKED
            USER_CREATED,   SENT,         true,    true,    REVOKED
            USER_CREATED,   SKIPPED,      true,    true,    REVOKED
            REJECTED,       PENDING,      true,    true,    REVOKED
            REJECTED,       FAILED,       true,    true,    REVOKED
            REJECTED,       SENT,         true,    true,    REVOKED
            REJECTED,       SKIPPED,      true,    true,    REVOKED
            NONE,           PENDING,      true,    true,    REVOKED
            NONE,           FAILED,       true,    true,    REVOKED
            NONE,           SENT,         true,    true,    REVOKED
            NONE,           SKIPPED,      true,    true,    REVOKED
            """)
    void statusOfEachState(Provisioning provisioning, Notification notification, boolean revoked, boolean expired,
                           ShareStatus status) {
        assertThat(new ShareProgress(provisioning, notification, revoked, expired).status()).isEqualTo(status);
        assertThat(ShareProgress.derive(provisioning, notification, revoked, expired)).isEqualTo(status);
    }

    // ---------------------------------------------------------------------------------------------
    // 2. What each input does. An input touches only its own fact, the same way in every state:
    //    each row is checked against all 16 states that share its "before" fact.

    @ParameterizedTest(name = "provisioning {0} + {1} -> {2}")
    @CsvSource(textBlock = """
            # before,       input,                               after
            PENDING,        RecipientProvisioned(EXISTING_USER), EXISTING_USER
            PENDING,        RecipientProvisioned(USER_CREATED),  USER_CREATED
            PENDING,        RecipientRejected,                   REJECTED
            # The first final outcome wins: a late or conflicting report is ignored.
            EXISTING_USER,  RecipientProvisioned(EXISTING_USER), EXISTING_USER
            EXISTING_USER,  RecipientProvisioned(USER_CREATED),  EXISTING_USER
            EXISTING_USER,  RecipientRejected,                   EXISTING_USER
            USER_CREATED,   RecipientProvisioned(EXISTING_USER), USER_CREATED
            USER_CREATED,   RecipientProvisioned(USER_CREATED),  USER_CREATED
            USER_CREATED,   RecipientRejected,                   USER_CREATED
            REJECTED,       RecipientProvisioned(EXISTING_USER), REJECTED
            REJECTED,       RecipientProvisioned(USER_CREATED),  REJECTED
            REJECTED,       RecipientRejected,                   REJECTED
            # A link has no recipient account: a stray provisioning report changes nothing.
            NONE,           RecipientProvisioned(EXISTING_USER), NONE
            NONE,           RecipientProvisioned(USER_CREATED),  NONE
            NONE,           RecipientRejected,                   NONE
            """)
    void provisioningOutcomes(Provisioning before, String input, Provisioning after) {
        for (ShareProgress state : allStates(s -> s.provisioning() == before)) {
            assertThat(inputNamed(input).applyTo(state)).as("%s + %s", state, input)
                    .isEqualTo(new ShareProgress(after, state.notification(), state.revoked(), state.expired()));
        }
    }

    @ParameterizedTest(name = "notification {0} + {1} -> {2}")
    @CsvSource(textBlock = """
            # before,       input,                               after
            PENDING,        NotificationSent,                    SENT
            PENDING,        NotificationSent(skipped),           SKIPPED
            PENDING,        NotificationFailed,                  FAILED
            # A failure is the only outcome that may change: a re-sent invitation can succeed.
            FAILED,         NotificationSent,                    SENT
            FAILED,         NotificationSent(skipped),           SKIPPED
            FAILED,         NotificationFailed,                  FAILED
            # Nothing replaces a success, least of all a late failure.
            SENT,           NotificationSent,                    SENT
            SENT,           NotificationSent(skipped),           SENT
            SENT,           NotificationFailed,                  SENT
            SKIPPED,        NotificationSent,                    SKIPPED
            SKIPPED,        NotificationSent(skipped),           SKIPPED
            SKIPPED,        NotificationFailed,                  SKIPPED
            """)
    void notificationOutcomes(Notification before, String input, Notification after) {
        for (ShareProgress state : allStates(s -> s.notification() == before)) {
            assertThat(inputNamed(input).applyTo(state)).as("%s + %s", state, input)
                    .isEqualTo(new ShareProgress(state.provisioning(), after, state.revoked(), state.expired()));
        }
    }

    @ParameterizedTest(name = "revoked={0}, expired={1} + {2} -> revoked={3}, expired={4}")
    @CsvSource(textBlock = """
            # revoked, expired, input,  revoked after, expired after
            false,     false,   revoke, true,          false
            false,     true,    revoke, true,          true
            true,      false,   revoke, true,          false
            true,      true,    revoke, true,          true
            false,     false,   expire, false,         true
            false,     true,    expire, false,         true
            # Expiry is ignored for a revoked share: it stays revoked, and not also expired.
            true,      false,   expire, true,          false
            true,      true,    expire, true,          true
            """)
    void userActions(boolean revoked, boolean expired, String input, boolean revokedAfter, boolean expiredAfter) {
        for (ShareProgress state : allStates(s -> s.revoked() == revoked && s.expired() == expired)) {
            assertThat(inputNamed(input).applyTo(state)).as("%s + %s", state, input)
                    .isEqualTo(new ShareProgress(state.provisioning(), state.notification(), revokedAfter, expiredAfter));
        }
    }

    @Test
    void aPendingOutcomeIsNoOutcome() {
        // No service reports PENDING, but a stored or hand-made one must not reopen a final outcome.
        for (ShareProgress state : allStates()) {
            assertThat(state.withProvisioning(Provisioning.PENDING)).as("%s", state).isEqualTo(state);
            assertThat(state.withNotification(Notification.PENDING)).as("%s", state).isEqualTo(state);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // 3. Invariants, over every state x every input (80 x 8 steps). Each test lists the steps that
    //    break its rule, so a failure names them all.

    @Test
    void applyingTheSameInputTwiceChangesNothingTheSecondTime() {
        // Events are delivered at least once: a replay must leave the state (and so the history) alone.
        assertThat(stepsBreaking(step -> step.input().applyTo(step.after()).equals(step.after()))).isEmpty();
    }

    @Test
    void statusNeverMovesBackward() {
        // By rank: a late or replayed event never turns REVOKED back into ACTIVE, nor ACTIVE into PENDING.
        // (NOTIFICATION_FAILED -> PENDING is allowed: same rank, a re-send that beat provisioning.)
        assertThat(stepsBreaking(step -> step.after().status().rank() >= step.before().status().rank())).isEmpty();
    }

    @Test
    void finalStatusesStayUnlessAUserActs() {
        // Only revoke or expire may move a REVOKED, EXPIRED or REJECTED share, and only up (see above) - and a late
        // rejection of an expired share, since REJECTED outranks EXPIRED (DESIGN.md "Managing shares").
        List<ShareStatus> finalStatuses = List.of(ShareStatus.REVOKED, ShareStatus.EXPIRED, ShareStatus.REJECTED);

        assertThat(stepsBreaking(step -> step.input().isUserAction()
                || !finalStatuses.contains(step.before().status())
                || step.after().status() == step.before().status()
                || step.before().status() == ShareStatus.EXPIRED && step.after().status() == ShareStatus.REJECTED))
                .isEmpty();
    }

    @Test
    void finalOutcomesAndUserActionsAreNeverUndone() {
        assertThat(stepsBreaking(step -> step.before().provisioning() == Provisioning.PENDING
                || step.after().provisioning() == step.before().provisioning()))
                .as("a final provisioning outcome is kept").isEmpty();
        assertThat(stepsBreaking(step -> !isSuccess(step.before().notification())
                || step.after().notification() == step.before().notification()))
                .as("a sent or skipped invitation is kept").isEmpty();
        assertThat(stepsBreaking(step -> step.before().notification() != Notification.FAILED
                || step.after().notification() == Notification.FAILED || isSuccess(step.after().notification())))
                .as("a failed invitation only stays failed or succeeds").isEmpty();
        assertThat(stepsBreaking(step -> !step.before().revoked()
                || step.after().revoked() && step.after().status() == ShareStatus.REVOKED))
                .as("a revoked share stays revoked").isEmpty();
        assertThat(stepsBreaking(step -> !step.before().expired() || step.after().expired()))
                .as("an expired share stays expired").isEmpty();
    }

    @Test
    void aStoredStateReadsBackWithTheSameStatus() {
        // Only the user actions are folded into the stored status: a revoked+expired share reads back as revoked.
        for (ShareProgress state : allStates()) {
            ShareProgress stored = ShareProgress.of(state.status(), state.provisioning(), state.notification());

            assertThat(stored.status()).as("%s", state).isEqualTo(state.status());
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Stories: the transitions above in the orders events really arrive.

    @Test
    void aNewShareIsPendingWithNothingDone() {
        assertThat(ShareProgress.requested(true))
                .isEqualTo(new ShareProgress(Provisioning.PENDING, Notification.PENDING, false, false));
        assertThat(ShareProgress.requested(true).status()).isEqualTo(ShareStatus.PENDING);
    }

    @Test
    void aLinkIsActiveFromItsCreationAndOnlyUserActionsMoveIt() {
        ShareProgress link = ShareProgress.link();

        assertThat(link).isEqualTo(new ShareProgress(Provisioning.NONE, Notification.SKIPPED, false, false));
        assertThat(link.status()).isEqualTo(ShareStatus.ACTIVE);
        assertThat(link.withProvisioning(Provisioning.USER_CREATED).withProvisioning(Provisioning.REJECTED)
                .withNotification(Notification.FAILED)).isEqualTo(link);
        assertThat(link.revoke().status()).isEqualTo(ShareStatus.REVOKED);
        assertThat(link.expire().status()).isEqualTo(ShareStatus.EXPIRED);
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
    void aRejectedShareThatPassesItsExpiryStaysRejectedAndALateRejectionOutranksAnExpiry() {
        ShareProgress rejected = ShareProgress.requested(true).withProvisioning(Provisioning.REJECTED);
        ShareProgress expired = ShareProgress.requested(true).expire();

        assertThat(rejected.expire().status()).isEqualTo(ShareStatus.REJECTED);
        assertThat(expired.status()).isEqualTo(ShareStatus.EXPIRED);
        assertThat(expired.withProvisioning(Provisioning.REJECTED).status()).isEqualTo(ShareStatus.REJECTED);
        assertThat(expired.withProvisioning(Provisioning.REJECTED).revoke().status()).isEqualTo(ShareStatus.REVOKED);
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
    void provisioningNeverReportsALinksNone() {
        assertThatThrownBy(() -> ShareOutcome.provisioned(UUID.randomUUID(), AT, SHARE, Provisioning.NONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShareOutcome.provisioned(UUID.randomUUID(), AT, SHARE, Provisioning.PENDING))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLinkRecipientsCauseNamesTheRecipient() {
        assertThat(ShareOutcome.notified(UUID.randomUUID(), AT, SHARE, false, " ann@example.com ").recipientCause())
                .isEqualTo("NotificationSent to ann@example.com");
        assertThat(ShareOutcome.notificationFailed(UUID.randomUUID(), AT, SHARE, true, null, null).recipientCause())
                .isEqualTo("NotificationFailed(permanent)");
        assertThat(ShareOutcome.notified(UUID.randomUUID(), AT, SHARE, false, "").recipientEmail()).isNull();
    }

    @Test
    void aFailedNotificationsCauseSaysWhyOnOneLineWithinTheColumn() {
        assertThat(ShareOutcome.notificationFailed(UUID.randomUUID(), AT, SHARE, true, "ann@example.com",
                "550 5.1.1 no such user\r\n  here").recipientCause())
                .isEqualTo("NotificationFailed(permanent: 550 5.1.1 no such user here) to ann@example.com");
        assertThat(ShareOutcome.notificationFailed(UUID.randomUUID(), AT, SHARE, false, null, " ").cause())
                .isEqualTo("NotificationFailed(retries exhausted)");
        assertThat(ShareOutcome.notificationFailed(UUID.randomUUID(), AT, SHARE, false, null, "x".repeat(500)).cause())
                .hasSize(200).startsWith("NotificationFailed(retries exhausted: xxx").endsWith("…");
    }

    @Test
    void historyCausesNameTheEvent() {
        assertThat(ShareOutcome.provisioned(UUID.randomUUID(), AT, SHARE, Provisioning.USER_CREATED).cause())
                .isEqualTo("RecipientProvisioned(USER_CREATED)");
        assertThat(ShareOutcome.rejected(UUID.randomUUID(), AT, SHARE, "x".repeat(500)).cause()).hasSize(200);
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers: every state, every input, and every step between them.

    /** Every state the four facts can describe, reachable or not: a stored row may hold any of them. */
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

    private static List<ShareProgress> allStates(Predicate<ShareProgress> filter) {
        return allStates().stream().filter(filter).toList();
    }

    /**
     * Every input: each outcome another service can report, as the consumers apply it (through
     * {@link ShareOutcome}), and each user action. The names are the ones the tables use.
     */
    static List<Input> allInputs() {
        return List.of(
                outcome("RecipientProvisioned(EXISTING_USER)",
                        () -> ShareOutcome.provisioned(UUID.randomUUID(), AT, SHARE, Provisioning.EXISTING_USER)),
                outcome("RecipientProvisioned(USER_CREATED)",
                        () -> ShareOutcome.provisioned(UUID.randomUUID(), AT, SHARE, Provisioning.USER_CREATED)),
                outcome("RecipientRejected",
                        () -> ShareOutcome.rejected(UUID.randomUUID(), AT, SHARE, "other organisation")),
                outcome("NotificationSent", () -> ShareOutcome.notified(UUID.randomUUID(), AT, SHARE, false)),
                outcome("NotificationSent(skipped)", () -> ShareOutcome.notified(UUID.randomUUID(), AT, SHARE, true)),
                outcome("NotificationFailed",
                        () -> ShareOutcome.notificationFailed(UUID.randomUUID(), AT, SHARE, false)),
                new Input("revoke", true, ShareProgress::revoke),
                new Input("expire", true, ShareProgress::expire));
    }

    private static Input outcome(String name, Supplier<ShareOutcome> event) {
        // A fresh event (new id) each time: a replay is the same outcome, not the same object.
        return new Input(name, false, progress -> event.get().applyTo(progress));
    }

    private static Input inputNamed(String name) {
        return allInputs().stream().filter(input -> input.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no input named " + name));
    }

    record Input(String name, boolean isUserAction, UnaryOperator<ShareProgress> apply) {
        ShareProgress applyTo(ShareProgress state) {
            return apply.apply(state);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** One input applied to one state. */
    record Step(ShareProgress before, Input input, ShareProgress after) {
        @Override
        public String toString() {
            return before + " (" + before.status() + ") + " + input + " -> " + after + " (" + after.status() + ")";
        }
    }

    /** The steps, of all states x all inputs, for which {@code rule} does not hold. */
    private static List<Step> stepsBreaking(Predicate<Step> rule) {
        return allStates().stream()
                .flatMap(state -> allInputs().stream().map(input -> new Step(state, input, input.applyTo(state))))
                .filter(rule.negate())
                .toList();
    }

    @Test
    void aStuckShareFailsAnInvitationStillPendingAndKeepsEverythingElse() {
        ShareProgress pending = ShareProgress.requested(true);
        assertThat(pending.stuck().notification()).isEqualTo(Notification.FAILED);
        assertThat(pending.stuck().status()).isEqualTo(ShareStatus.NOTIFICATION_FAILED);
        assertThat(pending.stuck().withNotification(Notification.SENT).withProvisioning(Provisioning.EXISTING_USER)
                .status()).as("a late outcome still counts").isEqualTo(ShareStatus.ACTIVE);

        ShareProgress sent = ShareProgress.requested(true).withNotification(Notification.SENT);
        assertThat(sent.stuck()).isSameAs(sent);
        ShareProgress silent = ShareProgress.requested(false);
        assertThat(silent.stuck()).as("no invitation wanted: nothing to fail").isSameAs(silent);
        assertThat(ShareProgress.link().stuck()).isEqualTo(ShareProgress.link());
    }

    private static boolean isSuccess(Notification notification) {
        return notification == Notification.SENT || notification == Notification.SKIPPED;
    }
}
