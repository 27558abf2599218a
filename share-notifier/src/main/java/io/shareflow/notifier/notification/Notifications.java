package io.shareflow.notifier.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.shareflow.notifier.mail.Invitation;
import io.shareflow.notifier.mail.LinkInvitation;
import io.shareflow.notifier.mail.RegistrationInvitation;
import io.shareflow.notifier.mail.RenderedEmail;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The send log ({@code notification} table). All times are the database's clock. Statements that
 * change a row check its current state, so two workers or instances never both act on one row.
 *
 * <p>A row is one e-mail to one recipient, keyed by the asking event and the recipient's position in it (0 for a
 * direct share and a registration e-mail; a share by link has a row per recipient). It holds what the e-mail says without its link
 * ({@code invitation}, jsonb) and the link sealed ({@code link_sealed}); nothing rendered. A final row holds no link at all: {@code link_sealed} and the
 * bodies of a row written before V2 are erased when it becomes SENT or FAILED.
 */
@Repository
class Notifications {

    private static final String COLUMNS = """
            event_id, recipient_position, share_type, share_id, user_id, resend, message_id, recipient_email, reply_to_email,
            reply_to_name, attempts, invitation is not null as has_invitation, invitation ->> 'sharerName' as sharer_name,
            invitation ->> 'sharerEmail' as sharer_email, invitation ->> 'resourceName' as resource_name,
            invitation ->> 'resourceKind' as resource_kind, invitation ->> 'role' as role,
            invitation ->> 'subject' as invitation_subject, invitation ->> 'message' as message,
            cast(invitation ->> 'expiresAt' as timestamptz) as expires_at, invitation ->> 'audience' as audience,
            invitation ->> 'linkName' as link_name, invitation ->> 'organizationName' as organization_name,
            invitation ->> 'inviterName' as inviter_name, invitation ->> 'inviterEmail' as inviter_email,
            invitation ->> 'reason' as reason, link_sealed,
            subject, text_body, html_body""";

    private final JdbcClient jdbc;

    Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a notification to send now: the invitation and its sealed link, nothing rendered. False if this
     * event already has one.
     */
    boolean add(NotificationRequest request) {
        Invitation invitation = request.invitation();
        return jdbc.sql("""
                        insert into notification (event_id, share_id, resend, message_id, recipient_email,
                                                  reply_to_email, reply_to_name, invitation, link_sealed, state)
                        values (:eventId, :shareId, :resend, :messageId, :recipient, :replyTo, :replyToName,
                                jsonb_build_object(
                                    'sharerName', cast(:sharerName as text),
                                    'sharerEmail', cast(:sharerEmail as text),
                                    'resourceName', cast(:resourceName as text),
                                    'resourceKind', cast(:resourceKind as text),
                                    'role', cast(:role as text),
                                    'subject', cast(:subject as text),
                                    'message', cast(:message as text),
                                    'expiresAt', cast(:expiresAt as timestamptz)),
                                :linkSealed, 'PENDING')
                        on conflict (event_id, recipient_position) do nothing
                        """)
                .param("eventId", request.eventId())
                .param("shareId", request.shareId())
                .param("resend", request.resend())
                .param("messageId", request.messageId())
                .param("recipient", request.recipientEmail())
                .param("replyTo", invitation.sharerEmail())
                .param("replyToName", invitation.sharerName())
                .param("sharerName", invitation.sharerName())
                .param("sharerEmail", invitation.sharerEmail())
                .param("resourceName", invitation.resourceName())
                .param("resourceKind", invitation.resourceKind())
                .param("role", invitation.role())
                .param("subject", invitation.subject())
                .param("message", invitation.message())
                .param("expiresAt", utc(invitation.expiresAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("linkSealed", Objects.requireNonNull(request.sealedLink(), "sealedLink"))
                .update() == 1;
    }

    /**
     * Records the e-mails of a share by link to send now, one row per recipient (position = index in
     * {@link LinkNotificationRequest#recipients()}): what they say and the sealed link, nothing rendered. Rows this
     * event already has are left alone.
     *
     * @return how many rows were added
     */
    int addLink(LinkNotificationRequest request) {
        LinkInvitation invitation = request.invitation();
        String replyTo = invitation.sharerEmail().isBlank() ? null : invitation.sharerEmail();
        int added = 0;
        for (int position = 0; position < request.recipients().size(); position++) {
            String recipient = request.recipients().get(position);
            added += jdbc.sql("""
                            insert into notification (event_id, recipient_position, share_type, share_id, resend,
                                                      message_id, recipient_email, reply_to_email, reply_to_name,
                                                      invitation, link_sealed, state)
                            values (:eventId, :position, 'link', :shareId, :resend, :messageId, :recipient, :replyTo,
                                    :replyToName,
                                    jsonb_build_object(
                                        'sharerName', cast(:sharerName as text),
                                        'sharerEmail', cast(:sharerEmail as text),
                                        'resourceName', cast(:resourceName as text),
                                        'resourceKind', cast(:resourceKind as text),
                                        'role', cast(:role as text),
                                        'audience', cast(:audience as text),
                                        'linkName', cast(:linkName as text),
                                        'subject', cast(:subject as text),
                                        'message', cast(:message as text),
                                        'expiresAt', cast(:expiresAt as timestamptz)),
                                    :linkSealed, 'PENDING')
                            on conflict (event_id, recipient_position) do nothing
                            """)
                    .param("eventId", request.eventId())
                    .param("position", position)
                    .param("shareId", request.shareId())
                    .param("resend", request.resend())
                    .param("messageId", LinkNotificationRequest.messageId(request.shareId(), request.resend(), recipient))
                    .param("recipient", recipient)
                    .param("replyTo", replyTo)
                    .param("replyToName", invitation.sharerName())
                    .param("sharerName", invitation.sharerName())
                    .param("sharerEmail", invitation.sharerEmail())
                    .param("resourceName", invitation.resourceName())
                    .param("resourceKind", invitation.resourceKind())
                    .param("role", invitation.role())
                    .param("audience", invitation.audience())
                    .param("linkName", invitation.linkName())
                    .param("subject", invitation.subject())
                    .param("message", invitation.message())
                    .param("expiresAt", utc(invitation.expiresAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                    .param("linkSealed", Objects.requireNonNull(request.sealedLink(), "sealedLink"))
                    .update();
        }
        return added;
    }

    /**
     * Records a registration e-mail to send now: what it says and the sealed link, nothing rendered. False if this
     * event already has one.
     */
    boolean addRegistration(RegistrationLinkRequest request) {
        return insertRegistration(request, "PENDING", Objects.requireNonNull(request.sealedLink(), "sealedLink"), null);
    }

    /**
     * Records a registration e-mail that cannot be sent (its link does not open) as FAILED at once, with the cause and
     * no link: the send log keeps the outcome of every registration e-mail. False if this event already has one.
     */
    boolean addFailedRegistration(RegistrationLinkRequest request, String reason) {
        return insertRegistration(request, "FAILED", null, reason);
    }

    private boolean insertRegistration(RegistrationLinkRequest request, String state, byte[] sealedLink, String error) {
        RegistrationInvitation invitation = request.invitation();
        boolean replyTo = invitation.inviterEmail() != null && !invitation.inviterEmail().isBlank();
        return jdbc.sql("""
                        insert into notification (event_id, recipient_position, share_type, share_id, user_id, resend,
                                                  message_id, recipient_email, reply_to_email, reply_to_name,
                                                  invitation, link_sealed, state, last_error)
                        values (:eventId, 0, 'registration', null, :userId, 0, :messageId, :recipient, :replyTo,
                                :replyToName,
                                jsonb_build_object(
                                    'organizationName', cast(:organizationName as text),
                                    'inviterName', cast(:inviterName as text),
                                    'inviterEmail', cast(:inviterEmail as text),
                                    'expiresAt', cast(:expiresAt as timestamptz),
                                    'reason', cast(:reason as text),
                                    'shareId', cast(:shareId as text)),
                                :linkSealed, :state, :error)
                        on conflict (event_id, recipient_position) do nothing
                        """)
                .param("eventId", request.eventId())
                .param("userId", request.userId())
                .param("messageId", request.messageId())
                .param("recipient", request.recipientEmail())
                .param("replyTo", replyTo ? invitation.inviterEmail() : null)
                .param("replyToName", replyTo ? invitation.inviterName() : null)
                .param("organizationName", invitation.organizationName())
                .param("inviterName", invitation.inviterName())
                .param("inviterEmail", invitation.inviterEmail())
                .param("expiresAt", utc(invitation.expiresAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("reason", invitation.reinvite() ? "REINVITE" : "SHARE")
                .param("shareId", request.shareId() == null ? null : request.shareId().toString())
                .param("linkSealed", sealedLink, Types.BINARY)
                .param("state", state)
                .param("error", error)
                .update() == 1;
    }

    /**
     * Claims the most overdue PENDING notification for one attempt: it becomes SENDING with its
     * attempt counted. Runs in its own short transaction, so the attempt is on record before any
     * SMTP traffic. Never one of a revoked share: {@link #retryLater} can put a row back to PENDING just before the
     * revocation commits (it cannot see it yet), and such a row must still never be sent.
     */
    Optional<Notification> claimNextDue() {
        return jdbc.sql("""
                        update notification
                        set state = 'SENDING', attempts = attempts + 1, claimed_at = now(), updated_at = now()
                        where (event_id, recipient_position) = (select event_id, recipient_position from notification
                                          where state = 'PENDING' and next_attempt_at <= now()
                                            and not exists (select 1 from revoked_share r
                                                            where r.share_id = notification.share_id)
                                          order by next_attempt_at
                                          limit 1
                                          for update skip locked)
                          and state = 'PENDING'
                        returning %s
                        """.formatted(COLUMNS))
                .query((rs, n) -> notification(rs))
                .optional();
    }

    /** SENDING → SENT, the link (sealed or rendered) erased; false if the row was no longer SENDING. */
    boolean markSent(Notification n) {
        return jdbc.sql("""
                        update notification
                        set state = 'SENT', link_sealed = null, text_body = null, html_body = null, last_error = null,
                            claimed_at = null, updated_at = now()
                        where event_id = :eventId and recipient_position = :position and state = 'SENDING'
                        """)
                .param("eventId", n.eventId())
                .param("position", n.recipientPosition())
                .update() == 1;
    }

    /**
     * SENDING → PENDING, due again after {@code backoff}; false if the row was no longer SENDING. The row becomes
     * DROPPED instead (its link erased) when its share was revoked meanwhile ({@link #dropPendingOf}).
     */
    boolean retryLater(Notification n, Duration backoff, String reason) {
        return jdbc.sql("""
                        update notification
                        set state = case when revoked.yes then 'DROPPED' else 'PENDING' end,
                            link_sealed = case when revoked.yes then null else link_sealed end,
                            text_body = case when revoked.yes then null else text_body end,
                            html_body = case when revoked.yes then null else html_body end,
                            next_attempt_at = now() + :millis * interval '1 millisecond',
                            last_error = case when revoked.yes then 'The share was revoked; last error: ' || :reason
                                              else :reason end,
                            claimed_at = null, updated_at = now()
                        from (select exists (select 1 from revoked_share r join notification m on m.share_id = r.share_id
                                             where m.event_id = :eventId and m.recipient_position = :position) as yes
                             ) revoked
                        where event_id = :eventId and recipient_position = :position and state = 'SENDING'
                        """)
                .param("eventId", n.eventId())
                .param("position", n.recipientPosition())
                .param("millis", backoff.toMillis())
                .param("reason", reason)
                .update() == 1;
    }

    /**
     * The share was revoked: every row of it still waiting to be sent (PENDING, also between retries) becomes DROPPED,
     * its link erased, and the share is remembered so that an attempt under way now is not retried
     * ({@link #retryLater}).
     *
     * @return how many rows were dropped
     */
    int dropPendingOf(UUID shareId) {
        jdbc.sql("insert into revoked_share (share_id) values (:shareId) on conflict do nothing")
                .param("shareId", shareId)
                .update();
        return jdbc.sql("""
                        update notification
                        set state = 'DROPPED', link_sealed = null, text_body = null, html_body = null,
                            last_error = 'The share was revoked before the e-mail was sent', claimed_at = null,
                            updated_at = now()
                        where share_id = :shareId and state = 'PENDING'
                        """)
                .param("shareId", shareId)
                .update();
    }

    /** SENDING → FAILED, the link (sealed or rendered) erased; false if the row was no longer SENDING. */
    boolean markFailed(UUID eventId, int recipientPosition, String reason) {
        return fail(eventId, recipientPosition, reason, 0);
    }

    /**
     * SENDING → FAILED before the claimed attempt reached SMTP (the e-mail could not be rendered): the attempt is
     * not counted. The link erased; false if the row was no longer SENDING.
     */
    boolean markFailedUnsent(Notification n, String reason) {
        return fail(n.eventId(), n.recipientPosition(), reason, 1);
    }

    private boolean fail(UUID eventId, int recipientPosition, String reason, int uncounted) {
        return jdbc.sql("""
                        update notification
                        set state = 'FAILED', link_sealed = null, text_body = null, html_body = null,
                            attempts = attempts - :uncounted, last_error = :reason, claimed_at = null, updated_at = now()
                        where event_id = :eventId and recipient_position = :position and state = 'SENDING'
                        """)
                .param("eventId", eventId)
                .param("position", recipientPosition)
                .param("reason", reason)
                .param("uncounted", uncounted)
                .update() == 1;
    }

    /**
     * Locks up to {@code limit} attempts under way for longer than {@code after}: their worker
     * died mid-attempt. Call inside a transaction that resolves them.
     */
    List<InterruptedAttempt> lockInterrupted(Duration after, int limit) {
        return jdbc.sql("""
                        select event_id, recipient_position, share_id, user_id, recipient_email, attempts
                        from notification
                        where state = 'SENDING' and claimed_at < now() - :millis * interval '1 millisecond'
                        order by claimed_at
                        limit :limit
                        for update skip locked
                        """)
                .param("millis", after.toMillis())
                .param("limit", limit)
                .query((rs, n) -> new InterruptedAttempt(rs.getObject("event_id", UUID.class),
                        rs.getInt("recipient_position"), rs.getObject("share_id", UUID.class),
                        rs.getObject("user_id", UUID.class), rs.getString("recipient_email"), rs.getInt("attempts")))
                .list();
    }

    long countPending() {
        return jdbc.sql("select count(*) from notification where state in ('PENDING', 'SENDING')")
                .query(Long.class).single();
    }

    private static Notification notification(ResultSet rs) throws SQLException {
        Invitation invitation = null;
        LinkInvitation linkInvitation = null;
        RegistrationInvitation registration = null;
        RenderedEmail rendered = null;
        if (rs.getBoolean("has_invitation")) {
            OffsetDateTime expiresAt = rs.getObject("expires_at", OffsetDateTime.class);
            Instant expiry = expiresAt == null ? null : expiresAt.toInstant();
            if ("registration".equals(rs.getString("share_type"))) {
                registration = new RegistrationInvitation(rs.getString("organization_name"),
                        rs.getString("inviter_name"), rs.getString("inviter_email"), expiry,
                        "REINVITE".equals(rs.getString("reason")));
            } else if ("link".equals(rs.getString("share_type"))) {
                linkInvitation = new LinkInvitation(rs.getString("sharer_name"), rs.getString("sharer_email"),
                        rs.getString("resource_name"), rs.getString("resource_kind"), rs.getString("role"),
                        rs.getString("audience"), rs.getString("link_name"), rs.getString("invitation_subject"),
                        rs.getString("message"), expiry);
            } else {
                invitation = new Invitation(rs.getString("sharer_name"), rs.getString("sharer_email"),
                        rs.getString("resource_name"), rs.getString("resource_kind"), rs.getString("role"),
                        rs.getString("invitation_subject"), rs.getString("message"), expiry);
            }
        } else {
            rendered = new RenderedEmail(rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body"));
        }
        return new Notification(rs.getObject("event_id", UUID.class), rs.getInt("recipient_position"),
                rs.getObject("share_id", UUID.class), rs.getObject("user_id", UUID.class), rs.getInt("resend"),
                rs.getString("message_id"), rs.getString("recipient_email"), rs.getString("reply_to_email"),
                rs.getString("reply_to_name"), rs.getInt("attempts"), invitation, linkInvitation, registration,
                rs.getBytes("link_sealed"), rendered);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** An attempt whose worker died; {@code shareId} null and {@code userId} set for a registration e-mail. */
    record InterruptedAttempt(UUID eventId, int recipientPosition, UUID shareId, UUID userId, String recipientEmail,
                              int attempts) {

        boolean isRegistration() {
            return userId != null;
        }
    }
}
