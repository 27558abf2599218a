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
import java.util.UUID;

import io.shareflow.notifier.mail.Invitation;
import io.shareflow.notifier.mail.LinkInvitation;
import io.shareflow.notifier.mail.RegistrationInvitation;
import io.shareflow.notifier.mail.RenderedEmail;
import io.shareflow.outbox.TraceparentSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The send log ({@code notification} table). All times are the database's clock. A batch claims rows by locking
 * them in its batch's transaction ({@link #claimDue}); the statements that record an outcome run in that same
 * transaction and check the row's state, so two batches or instances never both act on one row.
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
            reply_to_name, attempts + 1 as attempts, invitation is not null as has_invitation, invitation ->> 'sharerName' as sharer_name,
            invitation ->> 'sharerEmail' as sharer_email, invitation ->> 'resourceName' as resource_name,
            invitation ->> 'resourceKind' as resource_kind, invitation ->> 'role' as role,
            invitation ->> 'subject' as invitation_subject, invitation ->> 'message' as message,
            cast(invitation ->> 'expiresAt' as timestamptz) as expires_at, invitation ->> 'audience' as audience,
            invitation ->> 'linkName' as link_name, invitation ->> 'organizationName' as organization_name,
            invitation ->> 'inviterName' as inviter_name, invitation ->> 'inviterEmail' as inviter_email,
            invitation ->> 'reason' as reason, link_sealed,
            subject, text_body, html_body, traceparent""";

    private final JdbcClient jdbc;
    private final TraceparentSource traces;

    /** @param traces the current span's traceparent, stored with each row for the send to continue its trace */
    Notifications(JdbcClient jdbc, TraceparentSource traces) {
        this.jdbc = jdbc;
        this.traces = traces;
    }

    /**
     * Records a notification to send now: the invitation and its sealed link, nothing rendered. False if this
     * event already has one.
     */
    boolean add(NotificationRequest request) {
        Invitation invitation = request.invitation();
        return jdbc.sql("""
                        insert into notification (event_id, share_id, resend, message_id, recipient_email,
                                                  reply_to_email, reply_to_name, invitation, link_sealed, state,
                                                  traceparent)
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
                                :linkSealed, 'PENDING', :traceparent)
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
                .param("traceparent", traceparent())
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
        String traceparent = traceparent();
        int added = 0;
        for (int position = 0; position < request.recipients().size(); position++) {
            String recipient = request.recipients().get(position);
            added += jdbc.sql("""
                            insert into notification (event_id, recipient_position, share_type, share_id, resend,
                                                      message_id, recipient_email, reply_to_email, reply_to_name,
                                                      invitation, link_sealed, state, traceparent)
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
                                    :linkSealed, 'PENDING', :traceparent)
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
                    .param("traceparent", traceparent)
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
                                                  invitation, link_sealed, state, last_error, traceparent)
                        values (:eventId, 0, 'registration', null, :userId, 0, :messageId, :recipient, :replyTo,
                                :replyToName,
                                jsonb_build_object(
                                    'organizationName', cast(:organizationName as text),
                                    'inviterName', cast(:inviterName as text),
                                    'inviterEmail', cast(:inviterEmail as text),
                                    'expiresAt', cast(:expiresAt as timestamptz),
                                    'reason', cast(:reason as text),
                                    'shareId', cast(:shareId as text)),
                                :linkSealed, :state, :error, :traceparent)
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
                .param("traceparent", traceparent())
                .update() == 1;
    }

    /**
     * Claims up to {@code limit} due notifications, most overdue first, for one batch of attempts: locks their rows
     * ({@code FOR UPDATE SKIP LOCKED}, so other instances take other rows) and changes nothing. Call inside
     * the batch's transaction and record each attempt's outcome in it: the lock is the claim, held until the batch
     * commits. If the process dies first, PostgreSQL rolls the transaction back and the rows are due again as they were
     * — an attempt in doubt is simply made again, with the same Message-ID. Each returned notification counts the
     * attempt about to be made ({@link Notification#attempts()}). Never one of a revoked share.
     */
    List<Notification> claimDue(int limit) {
        return jdbc.sql("""
                        select %s
                        from notification
                        where state = 'PENDING' and next_attempt_at <= now()
                          and not exists (select 1 from revoked_share r where r.share_id = notification.share_id)
                        order by next_attempt_at
                        limit :limit
                        for update skip locked
                        """.formatted(COLUMNS))
                .param("limit", limit)
                .query((rs, n) -> notification(rs))
                .list();
    }

    /** A claimed row → SENT with its attempt counted, the link (sealed or rendered) erased; false if it was not PENDING. */
    boolean markSent(Notification n) {
        return jdbc.sql("""
                        update notification
                        set state = 'SENT', attempts = :attempts, link_sealed = null, text_body = null, html_body = null,
                            last_error = null, updated_at = now()
                        where event_id = :eventId and recipient_position = :position and state = 'PENDING'
                        """)
                .param("eventId", n.eventId())
                .param("position", n.recipientPosition())
                .param("attempts", n.attempts())
                .update() == 1;
    }

    /**
     * A claimed row stays PENDING with its attempt counted, due again after {@code backoff}; false if it was not
     * PENDING. It becomes DROPPED instead (its link erased) when its share was revoked meanwhile
     * ({@link #dropPendingOf}; a revocation waits for the batch's lock, so this is only a second line of defence).
     */
    boolean retryLater(Notification n, Duration backoff, String reason) {
        return jdbc.sql("""
                        update notification
                        set state = case when revoked.yes then 'DROPPED' else 'PENDING' end,
                            link_sealed = case when revoked.yes then null else link_sealed end,
                            text_body = case when revoked.yes then null else text_body end,
                            html_body = case when revoked.yes then null else html_body end,
                            attempts = :attempts,
                            next_attempt_at = now() + :millis * interval '1 millisecond',
                            last_error = left(case when revoked.yes then 'The share was revoked; last error: ' || :reason
                                                   else :reason end, 1000),
                            updated_at = now()
                        from (select exists (select 1 from revoked_share r join notification m on m.share_id = r.share_id
                                             where m.event_id = :eventId and m.recipient_position = :position) as yes
                             ) revoked
                        where event_id = :eventId and recipient_position = :position and state = 'PENDING'
                        """)
                .param("eventId", n.eventId())
                .param("position", n.recipientPosition())
                .param("attempts", n.attempts())
                .param("millis", backoff.toMillis())
                .param("reason", reason)
                .update() == 1;
    }

    /**
     * The share was revoked: every row of it still waiting to be sent (PENDING, also between retries) becomes DROPPED,
     * its link erased, and the share is remembered so that no batch claims its rows again. A row that a batch
     * holds is waited for (its lock): the batch may still send it — an attempt under way cannot be called back — and
     * if it is PENDING again once the batch commits (a retry), it is dropped then.
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
                            last_error = 'The share was revoked before the e-mail was sent', updated_at = now()
                        where share_id = :shareId and state = 'PENDING'
                        """)
                .param("shareId", shareId)
                .update();
    }

    /** A claimed row → FAILED with its attempt counted, the link (sealed or rendered) erased; false if it was not PENDING. */
    boolean markFailed(Notification n, String reason) {
        return fail(n, reason, n.attempts());
    }

    /**
     * A claimed row → FAILED before its attempt reached SMTP (the e-mail could not be rendered): the attempt is not
     * counted. The link erased; false if the row was not PENDING.
     */
    boolean markFailedUnsent(Notification n, String reason) {
        return fail(n, reason, n.attempts() - 1);
    }

    private boolean fail(Notification n, String reason, int attempts) {
        return jdbc.sql("""
                        update notification
                        set state = 'FAILED', link_sealed = null, text_body = null, html_body = null,
                            attempts = :attempts, last_error = left(:reason, 1000), updated_at = now()
                        where event_id = :eventId and recipient_position = :position and state = 'PENDING'
                        """)
                .param("eventId", n.eventId())
                .param("position", n.recipientPosition())
                .param("reason", reason)
                .param("attempts", attempts)
                .update() == 1;
    }

    long countPending() {
        return jdbc.sql("select count(*) from notification where state = 'PENDING'")
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
                rs.getBytes("link_sealed"), rendered, rs.getString("traceparent"));
    }

    private String traceparent() {
        return traces.current().orElse(null);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
