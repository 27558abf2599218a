package io.shareflow.api.share;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.shareflow.api.share.model.Role;
import io.shareflow.api.share.model.ShareRequested;
import io.shareflow.api.status.model.Notification;
import io.shareflow.api.status.model.Provisioning;
import io.shareflow.api.status.model.ShareProgress;
import io.shareflow.api.status.model.ShareStatus;
import io.shareflow.domain.EmailAddress;
import io.shareflow.domain.Page;
import io.shareflow.domain.PageRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Shares with people, always read within one organisation. */
@Repository
class Shares {

    private final JdbcClient jdbc;

    Shares(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A share's link as stored: sealed, with the share id as context. */
    record SealedLink(UUID shareId, byte[] sealed) {
    }

    /**
     * Records the share a {@link ShareRequested} describes, in its initial state, with its link sealed as in the
     * event.
     *
     * @param linkKeyId the id of the key that sealed {@link ShareRequested#sealedLink()}
     */
    void add(ShareRequested share, ShareProgress progress, byte[] linkTokenHash, String linkKeyId) {
        jdbc.sql("""
                        insert into share (id, request_id, organization_id, resource_id, recipient_email, recipient_user_id,
                                           role, status, provisioning, notification, notify, subject, message, expires_at,
                                           link_token_hash, link_sealed, link_key_id, created_by, created_at, updated_at)
                        values (:id, :requestId, :organizationId, :resourceId, :recipientEmail, :recipientUserId,
                                :role, :status, :provisioning, :notification, :notify, :subject, :message, :expiresAt,
                                :linkTokenHash, :linkSealed, :linkKeyId, :createdBy, :createdAt, :createdAt)
                        """)
                .param("id", share.shareId())
                .param("requestId", share.requestId())
                .param("organizationId", share.organizationId())
                .param("resourceId", share.resourceId())
                .param("recipientEmail", share.recipientEmail())
                .param("recipientUserId", share.recipientUserId())
                .param("role", share.role().value())
                .param("status", progress.status().name())
                .param("provisioning", progress.provisioning().name())
                .param("notification", progress.notification().name())
                .param("notify", share.notifyRecipient())
                .param("subject", share.subject())
                .param("message", share.message())
                .param("expiresAt", utc(share.expiresAt()))
                .param("linkTokenHash", linkTokenHash)
                .param("linkSealed", share.sealedLink())
                .param("linkKeyId", linkKeyId)
                .param("createdBy", share.sharerUserId())
                .param("createdAt", utc(share.occurredAt()))
                .update();
    }

    Optional<ShareView> find(UUID organizationId, UUID shareId) {
        return jdbc.sql("select * from share where id = :id and organization_id = :organizationId")
                .param("id", shareId)
                .param("organizationId", organizationId)
                .query(Shares::view)
                .optional();
    }

    /** Shares of the organisation matching the filter, newest first. */
    Page<ShareView> search(UUID organizationId, ShareFilter filter, PageRequest page) {
        StringBuilder where = new StringBuilder(" where organization_id = :organizationId");
        if (filter.resourceId() != null) {
            where.append(" and resource_id = :resourceId");
        }
        if (filter.status() != null) {
            where.append(" and status = :status");
        }
        if (filter.recipientEmail() != null) {
            where.append(" and lower(recipient_email) = :recipientEmail");
        }
        long total = params(jdbc.sql("select count(*) from share" + where), organizationId, filter)
                .query(Long.class)
                .single();
        var items = params(jdbc.sql("select * from share" + where + " order by created_at desc, id limit :limit offset :offset"),
                organizationId, filter)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(Shares::view)
                .list();
        return Page.of(items, page, total);
    }

    /**
     * Locks the next links sealed under another key than {@code keyId}, in share id order after {@code after} (the nil
     * UUID: from the start); rows another transaction holds are skipped. Written as two ranges so that the index on
     * {@code link_key_id} finds the few rows under an old key instead of scanning every share.
     */
    List<SealedLink> linksSealedUnderOtherKeys(String keyId, UUID after, int limit) {
        return jdbc.sql("""
                        select id, link_sealed from share
                        where (link_key_id < :keyId or link_key_id > :keyId) and id > :after
                        order by id limit :limit
                        for update skip locked
                        """)
                .param("keyId", keyId)
                .param("after", after)
                .param("limit", limit)
                .query((rs, row) -> new SealedLink(rs.getObject("id", UUID.class), rs.getBytes("link_sealed")))
                .list();
    }

    void updateSealedLink(UUID shareId, byte[] sealed, String keyId) {
        jdbc.sql("update share set link_sealed = :sealed, link_key_id = :keyId where id = :id")
                .param("id", shareId)
                .param("sealed", sealed)
                .param("keyId", keyId)
                .update();
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec statement, UUID organizationId,
                                                   ShareFilter filter) {
        return statement.param("organizationId", organizationId)
                .param("resourceId", filter.resourceId())
                .param("status", filter.status() == null ? null : filter.status().name())
                .param("recipientEmail", filter.recipientEmail() == null ? null
                        : EmailAddress.normalized(filter.recipientEmail()));
    }

    private static ShareView view(ResultSet rs, int row) throws SQLException {
        return new ShareView(
                rs.getObject("id", UUID.class),
                rs.getObject("request_id", UUID.class),
                rs.getObject("resource_id", UUID.class),
                rs.getString("recipient_email"),
                rs.getObject("created_by", UUID.class),
                Role.parse(rs.getString("role")).orElseThrow(),
                ShareStatus.valueOf(rs.getString("status")),
                Provisioning.valueOf(rs.getString("provisioning")),
                Notification.valueOf(rs.getString("notification")),
                instant(rs, "expires_at"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                rs.getBytes("link_sealed"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
