package io.shareflow.api.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.UUID;

import io.shareflow.api.ShareApiIntegrationSupport;
import io.shareflow.events.UserActivated;
import io.shareflow.events.UserUpserted;
import io.shareflow.schemas.Topics;
import org.junit.jupiter.api.Test;

class DirectoryReplicaIT extends ShareApiIntegrationSupport {

    @Test
    void keepsTheNewestStateOfEachUser() {
        UUID userId = UUID.randomUUID();
        UUID organization = UUID.randomUUID();
        Instant created = Instant.now().minusSeconds(60);

        publish(Topics.USER_DIRECTORY, userId, upserted(userId, organization, "New.User@Example.com", "DEACTIVATED", created));
        await().until(() -> status(userId), "DEACTIVATED"::equals);
        assertThat(jdbc.sql("select email_lower from directory_user where user_id = ?").param(userId)
                .query(String.class).single()).isEqualTo("new.user@example.com");

        publish(Topics.USER_DIRECTORY, userId, UserActivated.newBuilder().setEventId(UUID.randomUUID())
                .setOccurredAt(created.plusSeconds(30)).setUserId(userId).setOrganizationId(organization)
                .setEmail("new.user@example.com").setDisplayName("New User").build());
        await().until(() -> status(userId), "ACTIVE"::equals);

        // An older state arriving late (e.g. replayed) does not overwrite the newer one.
        UserUpserted stale = upserted(userId, organization, "stale@example.com", "DEACTIVATED", created.plusSeconds(10));
        publish(Topics.USER_DIRECTORY, userId, stale);
        // A marker behind it in the same partition (same key): once it is stored, the stale one was consumed.
        UUID marker = UUID.randomUUID();
        publish(Topics.USER_DIRECTORY, userId, upserted(marker, organization, "marker@example.com", "ACTIVE", Instant.now()));
        await().until(() -> status(marker) != null);

        assertThat(status(userId)).isEqualTo("ACTIVE");
        assertThat(jdbc.sql("select display_name from directory_user where user_id = ?").param(userId)
                .query(String.class).single()).isEqualTo("New User");
    }

    private String status(UUID userId) {
        return jdbc.sql("select status from directory_user where user_id = ?").param(userId)
                .query(String.class).optional().orElse(null);
    }

    private static UserUpserted upserted(UUID userId, UUID organization, String email, String status, Instant at) {
        return UserUpserted.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(at).setUserId(userId)
                .setOrganizationId(organization).setEmail(email).setDisplayName(null).setStatus(status).build();
    }
}
