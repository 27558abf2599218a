package io.shareflow.notifier.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import javax.sql.DataSource;

import io.shareflow.embedded.SharedInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V6 on a send log the previous version left behind: a row still SENDING — its instance died mid-attempt, the outcome
 * unknown — is due again at once, to be sent again with the same Message-ID, its attempt still counted; there is no
 * SENDING state afterwards.
 */
class SendingRowsMigrationIT {

    @Test
    void aRowLeftSendingIsDueAgainWithItsMessageIdAndItsAttemptCounted() {
        String database = "share_notifier_v6_" + UUID.randomUUID().toString().substring(0, 8);
        SharedInfrastructure.postgres().createDatabase(database);
        DataSource dataSource = SharedInfrastructure.postgres().dataSource(database);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        flyway(dataSource).target("5").load().migrate();
        UUID eventId = UUID.randomUUID();
        UUID shareId = UUID.randomUUID();
        jdbc.sql("""
                        insert into notification (event_id, share_id, resend, message_id, recipient_email, invitation,
                                                  link_sealed, state, attempts, claimed_at, next_attempt_at)
                        values (:eventId, :shareId, 0, :messageId, 'crash@example.com',
                                '{"sharerName": "Ada", "resourceName": "r", "resourceKind": "file", "role": "viewer"}',
                                '\\x010203', 'SENDING', 3, now() - interval '1 minute', now() - interval '2 minutes')
                        """)
                .param("eventId", eventId).param("shareId", shareId).param("messageId", "<share-" + shareId + "-0@shareflow>")
                .update();

        flyway(dataSource).load().migrate();

        assertThat(jdbc.sql("""
                        select state = 'PENDING' and next_attempt_at <= now() and attempts = 3 and message_id = :messageId
                               and link_sealed is not null
                        from notification where event_id = :eventId
                        """)
                .param("eventId", eventId).param("messageId", "<share-" + shareId + "-0@shareflow>")
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select count(*) from information_schema.columns where table_name = 'notification' and column_name = 'claimed_at'")
                .query(Long.class).single()).as("claimed_at went with SENDING").isZero();
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
    }
}
