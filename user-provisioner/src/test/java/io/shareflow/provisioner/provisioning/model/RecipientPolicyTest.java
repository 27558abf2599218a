package io.shareflow.provisioner.provisioning.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.shareflow.provisioner.provisioning.model.RecipientPolicy.Decision;
import io.shareflow.domain.EmailAddress;
import io.shareflow.provisioner.user.model.User;
import org.junit.jupiter.api.Test;

class RecipientPolicyTest {

    private static final UUID SHARER_ORG = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void existingUserOfTheSharersOrganisationIsUsed() {
        User bob = User.active(SHARER_ORG, EmailAddress.of("bob@example.com"), "Bob", NOW);
        Decision decision = RecipientPolicy.decide("BOB@example.com", Optional.of(bob), SHARER_ORG, true);
        assertThat(decision).isEqualTo(new Decision.UseExisting(bob));
    }

    @Test
    void userOfAnotherOrganisationIsRejected() {
        User bob = User.active(UUID.randomUUID(), EmailAddress.of("bob@example.com"), "Bob", NOW);
        Decision decision = RecipientPolicy.decide("bob@example.com", Optional.of(bob), SHARER_ORG, true);
        assertThat(decision).isEqualTo(new Decision.Reject(RecipientPolicy.OTHER_ORGANIZATION));
    }

    @Test
    void unknownAddressIsCreatedAsWritten() {
        Decision decision = RecipientPolicy.decide(" New@Example.com ", Optional.empty(), SHARER_ORG, true);
        assertThat(decision).isEqualTo(new Decision.Create(EmailAddress.of("New@Example.com")));
    }

    @Test
    void invalidAddressOrUnknownOrganisationIsRejectedRatherThanRetried() {
        assertThat(RecipientPolicy.decide("not-an-address", Optional.empty(), SHARER_ORG, true))
                .isEqualTo(new Decision.Reject(RecipientPolicy.INVALID_EMAIL));
        assertThat(RecipientPolicy.decide("new@example.com", Optional.empty(), SHARER_ORG, false))
                .isEqualTo(new Decision.Reject(RecipientPolicy.UNKNOWN_ORGANIZATION));
    }
}
