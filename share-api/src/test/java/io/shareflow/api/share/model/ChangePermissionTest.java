package io.shareflow.api.share.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ChangePermissionTest {

    private final UUID sharer = UUID.randomUUID();

    @Test
    void theSharerMayChangeTheShareWhateverTheirRoles() {
        assertThat(ChangePermission.mayChange(sharer, Set.of(), sharer)).isTrue();
        assertThat(ChangePermission.mayChange(sharer, Set.of("producer-user"), sharer)).isTrue();
    }

    @Test
    void soMayTheOrganisationsAdmins() {
        assertThat(ChangePermission.mayChange(UUID.randomUUID(), Set.of("admin"), sharer)).isTrue();
        assertThat(ChangePermission.mayChange(UUID.randomUUID(), List.of("viewer", "producer-admin"), sharer)).isTrue();
    }

    @Test
    void nobodyElse() {
        for (String role : List.of("producer-user", "sales-agent", "viewer", "manager", "Admin")) {
            assertThat(ChangePermission.mayChange(UUID.randomUUID(), Set.of(role), sharer)).as(role).isFalse();
        }
        assertThat(ChangePermission.mayChange(UUID.randomUUID(), Set.of(), sharer)).isFalse();
    }

    @Test
    void aRecipientHoldingManagerOnTheResourceMayWhateverTheirRoleInTheOrganisation() {
        for (Set<String> roles : List.of(Set.<String>of(), Set.of("viewer"), Set.of("producer-user"))) {
            assertThat(ChangePermission.decide(UUID.randomUUID(), roles, sharer, "manager"))
                    .isEqualTo(ChangePermission.Decision.ALLOWED);
        }
    }

    @Test
    void aMemberOrARecipientWhoMayNotIsForbiddenAndAGuestWithNothingIsNotTold() {
        assertThat(ChangePermission.decide(UUID.randomUUID(), Set.of("viewer"), sharer, null))
                .isEqualTo(ChangePermission.Decision.FORBIDDEN);
        assertThat(ChangePermission.decide(UUID.randomUUID(), Set.of("sales-agent"), sharer, "contributor"))
                .isEqualTo(ChangePermission.Decision.FORBIDDEN);
        assertThat(ChangePermission.decide(UUID.randomUUID(), Set.of(), sharer, "viewer"))
                .isEqualTo(ChangePermission.Decision.FORBIDDEN);
        assertThat(ChangePermission.decide(UUID.randomUUID(), Set.of(), sharer, null))
                .isEqualTo(ChangePermission.Decision.NOT_FOUND);
        assertThat(ChangePermission.decide(sharer, Set.of(), sharer, null)).isEqualTo(ChangePermission.Decision.ALLOWED);
        assertThat(ChangePermission.decide(UUID.randomUUID(), Set.of("admin"), sharer, null))
                .isEqualTo(ChangePermission.Decision.ALLOWED);
    }
}
