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
     * Stores a new state of a share and records the change with its cause.
     *
     * @param rejectionReason why provisioning refused the recipient, kept with the share; null leaves it as it is
     */
    void update(UUID shareId, ShareProgress progress, String cause, String rejectionReason, UUID eventId, Instant at) {
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
        record(shareId, progress, cause, eventId, at);
    }

    /**
     * Appends a history entry, e.g. for a share just created.
     *
     * @param eventId the event that caused the change; may be null
     */
    public void record(UUID shareId, ShareProgress progress, String cause, UUID eventId, Instant at) {
        jdbc.sql("""
                        insert into share_history (share_id, status, provisioning, notification, cause, event_id, at)
                        values (:shareId, :status, :provisioning, :notification, :cause, :eventId, :at)
                        """)
                .param("shareId", shareId)
                .param("status", progress.status().name())
                .param("provisioning", progress.provisioning().name())
                .param("notification", progress.notification().name())
                .param("cause", cause)
                .param("eventId", eventId)
                .param("at", at.atOffset(ZoneOffset.UTC))
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
                        rs.getString("cause")))
                .list();
    }

    /** How many shares have each status, every status present (zero if none). */
    Map<ShareStatus, Long> countByStatus() {
        Map<ShareStatus, Long> counts = new EnumMap<>(ShareStatus.class);
        for (ShareStatus status : ShareStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("select status, count(*) as n from share group by status")
                .query((rs, row) -> Map.entry(ShareStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                .list()
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }
}
