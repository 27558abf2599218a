package io.shareflow.api.opening;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.shareflow.api.share.model.Audience;
import io.shareflow.api.opening.model.ListedRecipient;
import io.shareflow.api.opening.model.ShareToOpen;
import io.shareflow.api.status.model.ShareStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Shares as opening reads them: found by their token's hash, in any organisation (the token is the key). */
@Repository
class OpenableShares {

    private final JdbcClient jdbc;

    OpenableShares(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A share with what its opener may see of it.
     *
     * @param type           {@code person | link}
     * @param passwordHash   a password link's; else null
     * @param name           a link's name; may be null
     * @param rejectionReason why provisioning refused the recipient; may be null
     * @param sharedBy       from the share, else the directory replica
     */
    record Stored(ShareToOpen rules, String type, String passwordHash, String role, String name,
                  String rejectionReason, Instant createdAt, SharedBy sharedBy, ResourceSummary resource) {

        UUID id() {
            return rules.shareId();
        }

        @Override
        public String toString() {
            return "Stored[id=" + id() + ", type=" + type + "]";
        }
    }

    Optional<Stored> findByTokenHash(byte[] tokenHash) {
        return jdbc.sql("""
                        select s.id, s.organization_id, s.type, s.audience, s.status, s.provisioning, s.expires_at,
                               s.require_sign_in, s.recipient_email, s.recipient_user_id, s.password_hash, s.role, s.name,
                               s.rejection_reason, s.created_at, s.created_by, s.sharer_name, s.sharer_email,
                               r.id as resource_id, r.name as resource_name, r.kind as resource_kind,
                               r.document_type as resource_document_type,
                               d.display_name as directory_name, d.email_lower as directory_email
                        from share s
                        join resource r on r.id = s.resource_id
                        left join directory_user d on d.user_id = s.created_by
                        where s.link_token_hash = :hash
                        """)
                .param("hash", tokenHash)
                .query(OpenableShares::stored)
                .optional();
    }

    /**
     * The items of a folder (its children) or a collection (the resources it holds), one level, by name; deleted
     * resources, and internal documents, which cannot be shared, are left out.
     */
    List<ResourceSummary> children(UUID organizationId, UUID parentId, String kind, int limit) {
        String held = "collection".equals(kind)
                ? "id in (select resource_id from collection_item where collection_id = :parentId)"
                : "parent_id = :parentId";
        return jdbc.sql("""
                        select id, name, kind, document_type from resource
                        where organization_id = :organizationId and deleted_at is null
                          and document_type is distinct from 'internal'
                        """ + " and " + held + " order by lower(name), id limit :limit")
                .param("organizationId", organizationId)
                .param("parentId", parentId)
                .param("limit", limit)
                .query((rs, row) -> new ResourceSummary(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("kind"), rs.getString("document_type")))
                .list();
    }

    /** A link's recipients, in the order given. */
    List<ListedRecipient> linkRecipients(UUID shareId) {
        return jdbc.sql("select email, user_id from share_link_recipient where share_id = :shareId order by position")
                .param("shareId", shareId)
                .query((rs, row) -> new ListedRecipient(rs.getString("email"), rs.getObject("user_id", UUID.class)))
                .list();
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        String type = rs.getString("type");
        ShareToOpen rules = new ShareToOpen(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                "link".equals(type),
                Audience.parse(rs.getString("audience")).orElse(null),
                ShareStatus.valueOf(rs.getString("status")),
                "REJECTED".equals(rs.getString("provisioning")),
                instant(rs, "expires_at"),
                rs.getBoolean("require_sign_in"),
                rs.getString("recipient_email"),
                rs.getObject("recipient_user_id", UUID.class));
        SharedBy sharedBy = new SharedBy(rs.getObject("created_by", UUID.class),
                firstOf(rs.getString("sharer_name"), rs.getString("directory_name")),
                firstOf(rs.getString("sharer_email"), rs.getString("directory_email")));
        ResourceSummary resource = new ResourceSummary(rs.getObject("resource_id", UUID.class),
                rs.getString("resource_name"), rs.getString("resource_kind"), rs.getString("resource_document_type"));
        return new Stored(rules, type, rs.getString("password_hash"), rs.getString("role"), rs.getString("name"),
                rs.getString("rejection_reason"), instant(rs, "created_at"), sharedBy, resource);
    }

    private static String firstOf(String preferred, String fallback) {
        return preferred != null && !preferred.isBlank() ? preferred : fallback;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
