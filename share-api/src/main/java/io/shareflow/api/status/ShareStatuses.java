package io.shareflow.api.status;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.shareflow.api.status.model.Notification;
import io.shareflow.api.status.model.Provisioning;
import io.shareflow.api.status.model.ShareProgress;
import io.shareflow.api.status.model.ShareStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The state columns of shares (and of the e-mails to a link's recipients) and their history. */
@Repository
public class ShareStatuses {

    /**
     * SQL of a share's status at {@code :now} ({@link ShareStatus#at}): EXPIRED from the instant its expiry passes,
     * before the sweep has stored it; REVOKED, REJECTED and EXPIRED as stored.
     */
    /** SQL list of the statuses a share grants access in (not final); the others are REVOKED, REJECTED, EXPIRED. */
    public static final String LIVE_STATUSES = "'PENDING', 'ACTIVE', 'NOTIFICATION_FAILED'";

    public static final String EFFECTIVE_STATUS = effectiveStatus("");

    /** {@link #EFFECTIVE_STATUS} of the share table under {@code alias} (e.g. {@code "s."}; {@code ""} for none). */
    public static String effectiveStatus(String alias) {
        return "(case when %1$sstatus in (%2$s) and %1$sexpires_at <= :now then 'EXPIRED' else %1$sstatus end)"
                .formatted(alias, LIVE_STATUSES);
    }

    /** SQL: the share under {@code alias} grants access at {@code :now} (its status read now is not final). */
    public static String grantsNow(String alias) {
        return effectiveStatus(alias) + " in (" + LIVE_STATUSES + ")";
    }

    private static final int MAX_CAUSE_LENGTH = 200;

    private final JdbcClient jdbc;

    ShareStatuses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The state of a share, locking its row until the transaction ends so that concurrent outcomes
     * for the same share are applied one after the other.
     */
    Optional<Locked> lock(UUID shareId) {
        return jdbc.sql("select type, status, provisioning, notification from share where id = :id for update")
                .param("id", shareId)
                .query((rs, row) -> new Locked("link".equals(rs.getString("type")),
                        ShareProgress.of(ShareStatus.valueOf(rs.getString("status")),
                                Provisioning.valueOf(rs.getString("provisioning")),
                                Notification.valueOf(rs.getString("notification")))))
                .optional();
    }

    /** A share whose expiry passed and whose stored status does not say so yet, as the expiry sweep reads it. */
    record Due(UUID shareId, UUID organizationId, Instant expiresAt, ShareProgress progress) {
    }

    /**
     * Locks up to {@code limit} shares whose expiry passed by {@code now} and that are still stored PENDING, ACTIVE or
     * NOTIFICATION_FAILED, the longest expired first; rows another transaction holds are skipped.
     */
    List<Due> lockExpiredNotStored(Instant now, int limit) {
        return jdbc.sql("""
                        select id, organization_id, expires_at, status, provisioning, notification from share
                        where expires_at <= :now and status in (%s)
                        order by expires_at
                        limit :limit
                        for update skip locked
                        """.formatted(LIVE_STATUSES))
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("limit", limit)
                .query((rs, row) -> new Due(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                        ShareProgress.of(ShareStatus.valueOf(rs.getString("status")),
                                Provisioning.valueOf(rs.getString("provisioning")),
                                Notification.valueOf(rs.getString("notification")))))
                .list();
    }

    /** A share the stuck-share sweep flags: a direct share's state, or a link's with its recipients still PENDING. */
    record Stuck(UUID shareId, boolean link, ShareProgress progress) {
    }

    /**
     * Locks up to {@code limit} live shares not flagged yet whose outcome was last asked for ({@code requested_at}: the
     * share's creation or its last re-send) at or before {@code cutoff} and is still missing — a direct share's
     * provisioning or invitation PENDING, a link's e-mail to one of its recipients PENDING — oldest first; rows
     * another transaction holds are skipped. A share past its expiry is left to the expiry sweep.
     */
    List<Stuck> lockStuck(Instant cutoff, Instant now, int limit) {
        return jdbc.sql("""
                        select id, type, status, provisioning, notification from share
                        where stuck_at is null and requested_at <= :cutoff and status in (%s)
                          and (expires_at is null or expires_at > :now)
                          and ((type = 'person' and (provisioning = 'PENDING' or notification = 'PENDING'))
                               or (type = 'link' and exists (select 1 from share_link_recipient r
                                                             where r.share_id = share.id
                                                               and r.notification = 'PENDING')))
                        order by requested_at
                        limit :limit
                        for update skip locked
                        """.formatted(LIVE_STATUSES))
                .param("cutoff", cutoff.atOffset(ZoneOffset.UTC))
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("limit", limit)
                .query((rs, row) -> new Stuck(rs.getObject("id", UUID.class), "link".equals(rs.getString("type")),
                        ShareProgress.of(ShareStatus.valueOf(rs.getString("status")),
                                Provisioning.valueOf(rs.getString("provisioning")),
                                Notification.valueOf(rs.getString("notification")))))
                .list();
    }

    /** Flags a share stuck from {@code at} on (a re-send clears it). */
    void flagStuck(UUID shareId, Instant at) {
        jdbc.sql("update share set stuck_at = :at where id = :id")
                .param("id", shareId)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    /** The recipients of a link whose e-mail is still PENDING, in the link's order. */
    List<String> pendingLinkRecipients(UUID shareId) {
        return jdbc.sql("""
                        select email from share_link_recipient
                        where share_id = :id and notification = 'PENDING'
                        order by position
                        """)
                .param("id", shareId)
                .query(String.class)
                .list();
    }

    /**
     * How many flagged shares still wait for someone (the gauge {@code shareflow.shares.stuck}): a direct share that is
     * PENDING or NOTIFICATION_FAILED at {@code now}, a live link with an e-mail to a recipient PENDING or FAILED.
     */
    long countStuck(Instant now) {
        return jdbc.sql("""
                        select count(*) from share
                        where stuck_at is not null
                          and ((type = 'person' and %s in ('PENDING', 'NOTIFICATION_FAILED'))
                               or (type = 'link' and %s
                                   and exists (select 1 from share_link_recipient r
                                               where r.share_id = share.id
                                                 and r.notification in ('PENDING', 'FAILED'))))
                        """.formatted(EFFECTIVE_STATUS, grantsNow("")))
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }

    /** A share's state as {@link #lock} read it; {@code link} for a share of type link. */
    record Locked(boolean link, ShareProgress progress) {
    }

    /**
     * The e-mail state of one recipient of a link (the address compared case-insensitively); empty when the link has
     * no such recipient. Call it with the share's row locked ({@link #lock}).
     */
    Optional<Notification> linkRecipientNotification(UUID shareId, String email) {
        return jdbc.sql("""
                        select notification from share_link_recipient
                        where share_id = :id and lower(email) = lower(:email)
                        """)
                .param("id", shareId)
                .param("email", email)
                .query((rs, row) -> Notification.valueOf(rs.getString("notification")))
                .optional();
    }

    void updateLinkRecipientNotification(UUID shareId, String email, Notification notification, Instant at) {
        jdbc.sql("""
                        update share_link_recipient set notification = :notification, updated_at = :at
                        where share_id = :id and lower(email) = lower(:email)
                        """)
                .param("id", shareId)
                .param("email", email)
                .param("notification", notification.name())
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    /**
     * The user provisioning found or created for a direct share's recipient, kept once: from then on the share names
     * its recipient by id too (reads, {@code /access}, the sign-in rule). Nothing for a link, or when already known.
     */
    void recordRecipientUser(UUID shareId, UUID userId) {
        jdbc.sql("""
                        update share set recipient_user_id = :userId
                        where id = :id and type = 'person' and recipient_user_id is null
                        """)
                .param("id", shareId)
                .param("userId", userId)
                .update();
    }

    /**
     * Stores a new state of a share and records the change with its cause.
     *
     * @param rejectionReason why provisioning refused the recipient, kept with the share; null leaves it as it is
     */
    void update(UUID shareId, ShareProgress progress, String cause, String rejectionReason, UUID eventId, Instant at) {
        update(shareId, progress, cause, rejectionReason, eventId, at, null);
    }

    /**
     * As {@link #update(UUID, ShareProgress, String, String, UUID, Instant)}, for a change a user asked for.
     *
     * @param actor who asked for it; null when no user did
     */
    public void update(UUID shareId, ShareProgress progress, String cause, String rejectionReason, UUID eventId,
                       Instant at, UUID actor) {
        jdbc.sql("""
                        update share set status = :status, provisioning = :provisioning, notification = :notification,
                                         rejection_reason = coalesce(:rejectionReason, rejection_reason), updated_at = :at
                        where id = :id
                        """)
                .param("id", shareId)
                .param("rejectionReason", rejectionReason)
                .param("status", progress.status().name())
                .param("provisioning", progress.provisioning().name())
                .param("notification", progress.notification().name())
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
        record(shareId, progress, cause, eventId, at, actor);
    }

    /**
     * Appends a history entry, e.g. for a share just created.
     *
     * @param eventId the event that caused the change; may be null
     */
    public void record(UUID shareId, ShareProgress progress, String cause, UUID eventId, Instant at) {
        record(shareId, progress, cause, eventId, at, null);
    }

    /**
     * Appends a history entry for something a user asked for that may leave the state as it was (a change of role or
     * expiry, a re-send).
     *
     * @param cause what was done, at most 200 characters (longer is cut)
     * @param actor who asked for it; null when no user did
     */
    public void record(UUID shareId, ShareProgress progress, String cause, UUID eventId, Instant at, UUID actor) {
        jdbc.sql("""
                        insert into share_history (share_id, status, provisioning, notification, cause, event_id, at,
                                                   actor_user_id)
                        values (:shareId, :status, :provisioning, :notification, :cause, :eventId, :at, :actor)
                        """)
                .param("shareId", shareId)
                .param("status", progress.status().name())
                .param("provisioning", progress.provisioning().name())
                .param("notification", progress.notification().name())
                .param("cause", cause.length() > MAX_CAUSE_LENGTH ? cause.substring(0, MAX_CAUSE_LENGTH - 1) + "…" : cause)
                .param("eventId", eventId)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .param("actor", actor)
                .update();
    }

    /** The history of a share, oldest first. */
    public List<HistoryEntry> history(UUID shareId) {
        return jdbc.sql("select * from share_history where share_id = :shareId order by id")
                .param("shareId", shareId)
                .query((rs, row) -> new HistoryEntry(ShareStatus.valueOf(rs.getString("status")),
                        Provisioning.valueOf(rs.getString("provisioning")),
                        Notification.valueOf(rs.getString("notification")),
                        rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("cause"), rs.getObject("actor_user_id", UUID.class)))
                .list();
    }

    /** How many shares have each status, every status present (zero if none). */
    Map<ShareStatus, Long> countByStatus(Instant now) {
        Map<ShareStatus, Long> counts = new EnumMap<>(ShareStatus.class);
        for (ShareStatus status : ShareStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("select " + EFFECTIVE_STATUS + " as effective_status, count(*) as n from share group by 1")
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query((rs, row) -> Map.entry(ShareStatus.valueOf(rs.getString("effective_status")), rs.getLong("n")))
                .list()
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }
}
