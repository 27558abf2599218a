package io.shareflow.provisioner.user.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Instant;
import java.util.UUID;

import io.shareflow.domain.EmailAddress;

import org.junit.jupiter.api.Test;

class UserTest {

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant LATER = Instant.parse("2026-01-02T00:00:00Z");
    private static final UUID ORG = UUID.randomUUID();

    @Test
    void invitedUserIsDeactivatedWithoutName() {
        User user = User.invited(ORG, EmailAddress.of("bob@example.com"), CREATED);
        assertThat(user.status()).isEqualTo(UserStatus.DEACTIVATED);
        assertThat(user.displayName()).isNull();
        assertThat(user.belongsTo(ORG)).isTrue();
        assertThat(user.belongsTo(UUID.randomUUID())).isFalse();
    }

    @Test
    void activationSetsNameStatusAndTime() {
        User user = User.invited(ORG, EmailAddress.of("bob@example.com"), CREATED).activate("Bob", LATER);
        assertThat(user.status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(user.displayName()).isEqualTo("Bob");
        assertThat(user.createdAt()).isEqualTo(CREATED);
        assertThat(user.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void anActiveUserCannotBeActivatedAgain() {
        User user = User.active(ORG, EmailAddress.of("bob@example.com"), "Bob", CREATED);
        assertThatIllegalStateException().isThrownBy(() -> user.activate("Bobby", LATER));
    }
}
