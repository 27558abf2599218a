package io.shareflow.provisioner.registration.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class RegistrationTokenTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void tokensAreRandomUrlSafeAndHashed() {
        RegistrationToken first = RegistrationToken.issue(UUID.randomUUID(), NOW, Duration.ofDays(14));
        RegistrationToken second = RegistrationToken.issue(UUID.randomUUID(), NOW, Duration.ofDays(14));

        assertThat(first.token()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(second.token());
        assertThat(first.hash()).matches("[0-9a-f]{64}").isEqualTo(RegistrationToken.hashOf(first.token()));
        assertThat(first.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(14)));
        assertThat(first.toString()).doesNotContain(first.token());
    }

    @Test
    void hashIsSha256() {
        assertThat(RegistrationToken.hashOf("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void ticketIsSingleUseAndExpires() {
        UUID user = UUID.randomUUID();
        Instant expiry = NOW.plusSeconds(60);
        assertThat(new RegistrationTicket(user, expiry, null, null).validityAt(NOW))
                .isEqualTo(RegistrationTicket.Validity.USABLE);
        assertThat(new RegistrationTicket(user, expiry, null, null).validityAt(expiry))
                .isEqualTo(RegistrationTicket.Validity.EXPIRED);
        assertThat(new RegistrationTicket(user, expiry, NOW, null).validityAt(NOW))
                .isEqualTo(RegistrationTicket.Validity.USED);
    }

    @Test
    void aReplacedTicketNeverWorksAgainAndAUsedOneSaysUsed() {
        UUID user = UUID.randomUUID();
        Instant expiry = NOW.plusSeconds(60);
        assertThat(new RegistrationTicket(user, expiry, null, NOW).validityAt(NOW))
                .isEqualTo(RegistrationTicket.Validity.SUPERSEDED);
        assertThat(new RegistrationTicket(user, NOW.minusSeconds(1), null, NOW).validityAt(NOW))
                .isEqualTo(RegistrationTicket.Validity.SUPERSEDED);
        assertThat(new RegistrationTicket(user, expiry, NOW, NOW).validityAt(NOW))
                .isEqualTo(RegistrationTicket.Validity.USED);
    }
}
