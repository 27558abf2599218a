package io.shareflow.api.opening.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.shareflow.api.share.model.Audience;
import io.shareflow.api.status.model.ShareStatus;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OpeningRulesTest {

    private static final Instant NOW = Instant.parse("2027-01-01T12:00:00Z");
    private static final UUID ORG = UUID.randomUUID();
    private static final String RECIPIENT = "Ann.Recipient@Example.com";

    private static ShareToOpen direct(boolean requireSignIn, UUID recipientUserId) {
        return new ShareToOpen(UUID.randomUUID(), ORG, false, null, ShareStatus.PENDING, false, null, requireSignIn,
                RECIPIENT, recipientUserId);
    }

    private static ShareToOpen link(Audience audience) {
        return new ShareToOpen(UUID.randomUUID(), ORG, true, audience, ShareStatus.ACTIVE, false, null, false, null,
                null);
    }

    private static ShareToOpen withState(ShareStatus status, boolean rejected, Instant expiresAt) {
        return new ShareToOpen(UUID.randomUUID(), ORG, false, null, status, rejected, expiresAt, false, RECIPIENT,
                null);
    }

    private static Opener user(UUID organizationId, String email, String... roles) {
        return new Opener(UUID.randomUUID(), organizationId, email, Set.of(roles));
    }

    @Nested
    class FinalStates {

        @Test
        void aShareInForceHasNone() {
            assertThat(OpeningRules.finalState(withState(ShareStatus.ACTIVE, false, NOW.plusSeconds(1)), NOW)).isEmpty();
            assertThat(OpeningRules.finalState(withState(ShareStatus.PENDING, false, null), NOW)).isEmpty();
            assertThat(OpeningRules.finalState(withState(ShareStatus.NOTIFICATION_FAILED, false, null), NOW)).isEmpty();
        }

        @Test
        void anExpiryThatHasPassedCountsBeforeAnySweepRecordedIt() {
            assertThat(OpeningRules.finalState(withState(ShareStatus.ACTIVE, false, NOW), NOW)).contains(FinalState.EXPIRED);
            assertThat(OpeningRules.finalState(withState(ShareStatus.PENDING, false, NOW.minusMillis(1)), NOW))
                    .contains(FinalState.EXPIRED);
            assertThat(OpeningRules.finalState(withState(ShareStatus.EXPIRED, false, null), NOW))
                    .contains(FinalState.EXPIRED);
        }

        @Test
        void revokedWinsOverRejectedWhichWinsOverExpired() {
            assertThat(OpeningRules.finalState(withState(ShareStatus.REVOKED, true, NOW.minusSeconds(5)), NOW))
                    .contains(FinalState.REVOKED);
            assertThat(OpeningRules.finalState(withState(ShareStatus.REJECTED, true, NOW.minusSeconds(5)), NOW))
                    .contains(FinalState.REJECTED);
            // Rejected by provisioning, whatever status was stored (e.g. by a sweep that saw the expiry first).
            assertThat(OpeningRules.finalState(withState(ShareStatus.EXPIRED, true, NOW.minusSeconds(5)), NOW))
                    .contains(FinalState.REJECTED);
        }
    }

    @Nested
    class DirectShares {

        @Test
        void aRecipientWithoutAnAccountOpensWithoutSignIn() {
            assertThat(OpeningRules.forRecipient(direct(false, null), List.of(), null)).isEqualTo(Gate.OPEN);
            assertThat(OpeningRules.forRecipient(direct(false, null), List.of(), user(ORG, "someone@else.example",
                    "viewer"))).isEqualTo(Gate.OPEN);
        }

        @Test
        void aRecipientWithAnAccountMustSignInAsThemselves() {
            UUID account = UUID.randomUUID();
            ShareToOpen share = direct(false, null);
            assertThat(OpeningRules.forRecipient(share, List.of(account), null)).isEqualTo(Gate.SIGN_IN_REQUIRED);
            assertThat(OpeningRules.forRecipient(share, List.of(account),
                    new Opener(account, UUID.randomUUID(), null, Set.of()))).isEqualTo(Gate.OPEN);
            assertThat(OpeningRules.forRecipient(share, List.of(account), user(ORG, "other@example.com", "admin")))
                    .isEqualTo(Gate.OUTSIDE_AUDIENCE);
        }

        @Test
        void requireSignInNeedsSignInEvenWithoutAnAccount() {
            ShareToOpen share = direct(true, null);
            assertThat(OpeningRules.forRecipient(share, List.of(), null)).isEqualTo(Gate.SIGN_IN_REQUIRED);
            assertThat(OpeningRules.forRecipient(share, List.of(), user(ORG, "other@example.com")))
                    .isEqualTo(Gate.OUTSIDE_AUDIENCE);
        }

        @Test
        void theRecipientIsMatchedByUserIdElseByAddressInAnyCase() {
            UUID recipientId = UUID.randomUUID();
            ShareToOpen byId = direct(true, recipientId);
            assertThat(OpeningRules.forRecipient(byId, List.of(), new Opener(recipientId, ORG, null, Set.of())))
                    .isEqualTo(Gate.OPEN);
            assertThat(OpeningRules.forRecipient(direct(true, null), List.of(),
                    user(UUID.randomUUID(), " ann.recipient@EXAMPLE.com"))).isEqualTo(Gate.OPEN);
            assertThat(OpeningRules.forRecipient(direct(true, null), List.of(), user(ORG, null)))
                    .isEqualTo(Gate.OUTSIDE_AUDIENCE);
        }
    }

    @Nested
    class Links {

        @Test
        void anyoneOpensWhoeverTheyAre() {
            assertThat(OpeningRules.forLink(link(Audience.ANYONE), List.of(), null)).isEqualTo(Gate.OPEN);
            assertThat(OpeningRules.forLink(link(Audience.ANYONE), List.of(), user(UUID.randomUUID(), null)))
                    .isEqualTo(Gate.OPEN);
        }

        @Test
        void organizationNeedsASignedInMemberWithARole() {
            ShareToOpen share = link(Audience.ORGANIZATION);
            assertThat(OpeningRules.forLink(share, List.of(), null)).isEqualTo(Gate.SIGN_IN_REQUIRED);
            assertThat(OpeningRules.forLink(share, List.of(), user(ORG, null, "viewer"))).isEqualTo(Gate.OPEN);
            assertThat(OpeningRules.forLink(share, List.of(), user(ORG, null, "sales-agent"))).isEqualTo(Gate.OPEN);
            // A registered recipient (a guest, no role) is not a member; nor is an unknown role.
            assertThat(OpeningRules.forLink(share, List.of(), user(ORG, null))).isEqualTo(Gate.OUTSIDE_AUDIENCE);
            assertThat(OpeningRules.forLink(share, List.of(), user(ORG, null, "guest"))).isEqualTo(Gate.OUTSIDE_AUDIENCE);
            // Another organisation's user never passes, whatever their roles.
            assertThat(OpeningRules.forLink(share, List.of(), user(UUID.randomUUID(), null, "admin")))
                    .isEqualTo(Gate.OUTSIDE_AUDIENCE);
        }

        @Test
        void usersNeedsASignedInListedRecipientByIdOrAddress() {
            UUID listedId = UUID.randomUUID();
            List<ListedRecipient> listed = List.of(new ListedRecipient("bob@example.com", null),
                    new ListedRecipient("carol@example.com", listedId));
            ShareToOpen share = link(Audience.USERS);
            assertThat(OpeningRules.forLink(share, listed, null)).isEqualTo(Gate.SIGN_IN_REQUIRED);
            assertThat(OpeningRules.forLink(share, listed, user(UUID.randomUUID(), "BOB@example.com")))
                    .isEqualTo(Gate.OPEN);
            assertThat(OpeningRules.forLink(share, listed, new Opener(listedId, UUID.randomUUID(), null, Set.of())))
                    .isEqualTo(Gate.OPEN);
            assertThat(OpeningRules.forLink(share, listed, user(ORG, "dave@example.com", "admin")))
                    .isEqualTo(Gate.OUTSIDE_AUDIENCE);
        }

        @Test
        void passwordAsksForThePasswordOfEveryone() {
            assertThat(OpeningRules.forLink(link(Audience.PASSWORD), List.of(), null)).isEqualTo(Gate.PASSWORD);
            assertThat(OpeningRules.forLink(link(Audience.PASSWORD), List.of(), user(ORG, null, "admin")))
                    .isEqualTo(Gate.PASSWORD);
        }
    }

    @ParameterizedTest
    @EnumSource(value = io.shareflow.api.share.model.Role.class)
    void canDownloadWithEveryRoleButViewer(io.shareflow.api.share.model.Role role) {
        assertThat(OpeningRules.canDownload(role.value())).isEqualTo(!role.value().equals("viewer"));
    }
}
