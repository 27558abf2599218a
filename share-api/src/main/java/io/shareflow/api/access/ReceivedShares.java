package io.shareflow.api.access;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import io.shareflow.api.status.ShareStatuses;
import io.shareflow.domain.Page;
import io.shareflow.domain.PageRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The shares whose recipient a user is, in their organisation: direct shares to them (by user id or address) and
 * links that name them as a recipient. The status is read at this moment: a share past its {@code expiresAt} reads
 * {@code EXPIRED} unless it was revoked or rejected ({@code REVOKED} over {@code REJECTED} over {@code EXPIRED}).
 */
@Repository
class ReceivedShares {

    private static final String STATUS_NOW = ShareStatuses.effectiveStatus("s.");

    private static final String MINE = """
            from share s
            join resource r on r.id = s.resource_id
            left join directory_user d on d.user_id = s.created_by
            where s.organization_id = :organizationId
              and ((s.type = 'person' and (s.recipient_user_id = :userId
                                           or lower(s.recipient_email) = lower(cast(:email as varchar))))
                   or (s.type = 'link' and exists (
                          select 1 from share_link_recipient lr
                          where lr.share_id = s.id
                            and (lr.user_id = :userId or lower(lr.email) = lower(cast(:email as varchar))))))
            """;

    private final JdbcClient jdbc;

    ReceivedShares(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A share as its recipient sees it in the list. */
    record Received(UUID shareId, String type, String audience, String name, UUID resourceId, String resourceName,
                    String resourceKind, String resourceDocumentType, String role, String status, String sharerName,
                    String sharerEmail, Instant createdAt, Instant expiresAt) {
    }

    /**
     * Newest first.
     *
     * @param email  may be null (then only by user id)
     * @param status a status name (as read now); null = the shares that grant (pending, active, notification failed)
     *               of resources not deleted
     */
    Page<Received> of(UUID organizationId, UUID userId, String email, String status, Instant now, PageRequest page) {
        String filter = status == null
                ? " and " + ShareStatuses.grantsNow("s.") + " and r.deleted_at is null"
                : " and (" + STATUS_NOW + ") = :status";
        long total = jdbc.sql("select count(*) " + MINE + filter)
                .param("organizationId", organizationId)
                .param("userId", userId)
                .param("email", email)
                .param("status", status)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single();
        var items = jdbc.sql("""
                        select s.id, s.type, s.audience, s.name, s.role, s.created_at, s.expires_at,
                               r.id as resource_id, r.name as resource_name, r.kind as resource_kind,
                               r.document_type as resource_document_type,
                               coalesce(nullif(s.sharer_name, ''), d.display_name) as sharer_name,
                               coalesce(nullif(s.sharer_email, ''), d.email_lower) as sharer_email,
                        """ + STATUS_NOW + " as status_now " + MINE + filter
                        + " order by s.created_at desc, s.id desc limit :limit offset :offset")
                .param("organizationId", organizationId)
                .param("userId", userId)
                .param("email", email)
                .param("status", status)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, row) -> {
                    OffsetDateTime expiresAt = rs.getObject("expires_at", OffsetDateTime.class);
                    return new Received(rs.getObject("id", UUID.class), rs.getString("type"),
                            rs.getString("audience"), rs.getString("name"), rs.getObject("resource_id", UUID.class),
                            rs.getString("resource_name"), rs.getString("resource_kind"),
                            rs.getString("resource_document_type"), rs.getString("role"),
                            rs.getString("status_now"), rs.getString("sharer_name"), rs.getString("sharer_email"),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                            expiresAt == null ? null : expiresAt.toInstant());
                })
                .list();
        return Page.of(items, page, total);
    }
}
