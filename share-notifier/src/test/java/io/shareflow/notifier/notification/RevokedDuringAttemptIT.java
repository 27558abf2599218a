package io.shareflow.notifier.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import io.shareflow.notifier.NotifierIntegrationSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * An attempt under way when its share is revoked cannot be called back, but if it fails transiently it is dropped
 * rather than retried; the attempt of a share not revoked goes back to PENDING as before.
 */
class RevokedDuringAttemptIT extends NotifierIntegrationSupport {

    @Autowired
    private Notifications notifications;

    @Test
    void aTransientFailureOfARevokedSharesAttemptDropsItInsteadOfRetrying() {
        Notification revoked = sending(UUID.randomUUID());
        Notification other = sending(UUID.randomUUID());

        assertThat(notifications.dropPendingOf(revoked.shareId())).as("nothing PENDING: the row is SENDING").isZero();
        assertThat(notifications.retryLater(revoked, Duration.ofHours(1), "451 try later")).isTrue();
        assertThat(notifications.retryLater(other, Duration.ofHours(1), "451 try later")).isTrue();

        assertThat(row(revoked)).contains("\"state\":\"DROPPED\"").contains("\"link_sealed\":null")
                .contains("The share was revoked; last error: 451 try later");
        assertThat(row(other)).contains("\"state\":\"PENDING\"").doesNotContain("\"link_sealed\":null")
                .contains("\"last_error\":\"451 try later\"");
    }

    /** What a worker holds while its attempt is under way: the row SENDING, claimed just now. */
    private Notification sending(UUID shareId) {
        UUID eventId = UUID.randomUUID();
        String recipient = "attempt-" + shareId + "@example.com";
        String messageId = "<share-" + shareId + "-0@shareflow>";
        jdbc.sql("""
                        insert into notification (event_id, share_id, resend, message_id, recipient_email, invitation,
                                                  link_sealed, state, attempts, claimed_at)
                        values (:eventId, :shareId, 0, :messageId, :recipient,
                                '{"sharerName": "Ada", "sharerEmail": "ada@example.com", "resourceName": "r",
                                  "resourceKind": "file", "role": "viewer"}', :sealed, 'SENDING', 1, now())
                        """)
                .param("eventId", eventId).param("shareId", shareId).param("messageId", messageId)
                .param("recipient", recipient).param("sealed", new byte[] {1, 2, 3})
                .update();
        return new Notification(eventId, 0, shareId, null, 0, messageId, recipient, null, null, 1, null, null, null,
                null, null);
    }

    private String row(Notification n) {
        return jdbc.sql("select row_to_json(n)::text from notification n where event_id = :id")
                .param("id", n.eventId()).query(String.class).single();
    }
}
