package io.shareflow.notifier.notification;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.shareflow.notifier.mail.RenderedEmail;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The send log ({@code notification} table). All times are the database's clock. Statements that
 * change a row check its current state, so two workers or instances never both act on one row.
 */
@Repository
class Notifications {

    private static final String COLUMNS = """
            event_id, share_id, resend, message_id, recipient_email, reply_to_email, reply_to_name,
            subject, text_body, html_body, attempts""";

    private final JdbcClient jdbc;

    Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a notification to send now; false if this event already has one. */
    boolean add(NotificationRequest request, RenderedEmail email) {
        return jdbc.sql("""
                        insert into notification (event_id, share_id, resend, message_id, recipient_email,
                                                  reply_to_email, reply_to_name, subject, text_body, html_body, state)
                        values (:eventId, :shareId, :resend, :messageId, :recipient, :replyTo, :replyToName,
                                :subject, :text, :html, 'PENDING')
                        on conflict (event_id) do nothing
                        """)
                .param("eventId", request.eventId())
                .param("shareId", request.shareId())
                .param("resend", request.resend())
                .param("messageId", request.messageId())
                .param("recipient", request.recipientEmail())
                .param("replyTo", request.invitation().sharerEmail())
                .param("replyToName", request.invitation().sharerName())
                .param("subject", email.subject())
                .param("text", email.text())
                .param("html", email.html())
                .update() == 1;
    }

    /**
     * Claims the most overdue PENDING notification for one attempt: it becomes SENDING with its
     * attempt counted. Runs in its own short transaction, so the attempt is on record before any
     * SMTP traffic.
     */
    Optional<Notification> claimNextDue() {
        return jdbc.sql("""
                        update notification
                        set state = 'SENDING', attempts = attempts + 1, claimed_at = now(), updated_at = now()
                        where event_id = (select event_id from notification
                                          where state = 'PENDING' and next_attempt_at <= now()
                                          order by next_attempt_at
                                          limit 1
                                          for update skip locked)
                          and state = 'PENDING'
                        returning %s
                        """.formatted(COLUMNS))
                .query((rs, n) -> new Notification(
                        rs.getObject("event_id", UUID.class), rs.getObject("share_id", UUID.class), rs.getInt("resend"),
                        rs.getString("message_id"), rs.getString("recipient_email"), rs.getString("reply_to_email"),
                        rs.getString("reply_to_name"), rs.getString("subject"), rs.getString("text_body"),
                        rs.getString("html_body"), rs.getInt("attempts")))
                .optional();
    }

    /** SENDING → SENT, bodies erased; false if the row was no longer SENDING. */
    boolean markSent(UUID eventId) {
        return jdbc.sql("""
                        update notification
                        set state = 'SENT', text_body = null, html_body = null, last_error = null,
                            claimed_at = null, updated_at = now()
                        where event_id = :eventId and state = 'SENDING'
                        """)
                .param("eventId", eventId)
                .update() == 1;
    }

    /** SENDING → PENDING, due again after {@code backoff}; false if the row was no longer SENDING. */
    boolean retryLater(UUID eventId, Duration backoff, String reason) {
        return jdbc.sql("""
                        update notification
                        set state = 'PENDING', next_attempt_at = now() + :millis * interval '1 millisecond',
                            last_error = :reason, claimed_at = null, updated_at = now()
                        where event_id = :eventId and state = 'SENDING'
                        """)
                .param("eventId", eventId)
                .param("millis", backoff.toMillis())
                .param("reason", reason)
                .update() == 1;
    }

    /** SENDING → FAILED, bodies erased; false if the row was no longer SENDING. */
    boolean markFailed(UUID eventId, String reason) {
        return jdbc.sql("""
                        update notification
                        set state = 'FAILED', text_body = null, html_body = null, last_error = :reason,
                            claimed_at = null, updated_at = now()
                        where event_id = :eventId and state = 'SENDING'
                        """)
                .param("eventId", eventId)
                .param("reason", reason)
                .update() == 1;
    }

    /**
     * Locks up to {@code limit} attempts under way for longer than {@code after}: their worker
     * died mid-attempt. Call inside a transaction that resolves them.
     */
    List<InterruptedAttempt> lockInterrupted(Duration after, int limit) {
        return jdbc.sql("""
                        select event_id, share_id, attempts from notification
                        where state = 'SENDING' and claimed_at < now() - :millis * interval '1 millisecond'
                        order by claimed_at
                        limit :limit
                        for update skip locked
                        """)
                .param("millis", after.toMillis())
                .param("limit", limit)
                .query((rs, n) -> new InterruptedAttempt(rs.getObject("event_id", UUID.class),
                        rs.getObject("share_id", UUID.class), rs.getInt("attempts")))
                .list();
    }

    long countPending() {
        return jdbc.sql("select count(*) from notification where state in ('PENDING', 'SENDING')")
                .query(Long.class).single();
    }

    record InterruptedAttempt(UUID eventId, UUID shareId, int attempts) {
    }
}
