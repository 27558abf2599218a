package io.shareflow.api.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.shareflow.api.access.model.AccessRoles;
import io.shareflow.api.access.model.Grant;
import io.shareflow.api.access.model.Via;
import io.shareflow.api.status.ShareStatuses;
import io.shareflow.domain.Page;
import io.shareflow.domain.PageRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The shares that grant access to a resource, computed at read time from the tree of folders and the collections
 * (nothing is cached, so a move, a revoke or an expiry counts at once).
 *
 * <p>A share reaches a resource when it is of the resource itself ({@code direct}), of a folder above it
 * ({@code inherited}), or of a collection that holds the resource or a folder above it ({@code collection}; a
 * collection reached only through a folder passes nothing on to its items). It grants when its status is not
 * {@code REVOKED}/{@code REJECTED}/{@code EXPIRED} and {@code expires_at} is null or in the future. Deleted
 * resources and collections reach nothing; internal documents are reached by no share (they cannot be shared).
 */
@Repository
class AccessGrants {

    /** The role's rank in SQL: viewer 1 .. manager 4. */
    private static final String ROLE_RANK = IntStream.range(0, AccessRoles.IN_ORDER.size())
            .mapToObj(i -> "when '" + AccessRoles.IN_ORDER.get(i) + "' then " + (i + 1))
            .collect(Collectors.joining(" ", "case g.role ", " else 0 end"));

    private static final String VIA_RANK = "case %s when 'direct' then 0 when 'inherited' then 1 else 2 end";

    /**
     * {@code granting}: each share of the organisation that grants and reaches {@code :resourceId}, once, by its
     * nearest way (via, depth).
     */
    private static final String GRANTING = """
            with recursive chain (id, parent_id, depth) as (
                select id, parent_id, 0 from resource
                where id = :resourceId and organization_id = :organizationId and deleted_at is null
                  and document_type is distinct from 'internal'
                union all
                select p.id, p.parent_id, c.depth + 1
                from resource p join chain c on p.id = c.parent_id
                where p.organization_id = :organizationId and p.deleted_at is null and c.depth < 10000
            ),
            reaching (resource_id, via, depth) as (
                select id, case when depth = 0 then 'direct' else 'inherited' end, depth from chain
                union all
                select ci.collection_id, 'collection', c.depth
                from chain c
                join collection_item ci on ci.resource_id = c.id
                join resource col on col.id = ci.collection_id
                where col.organization_id = :organizationId and col.deleted_at is null
            ),
            granting as (
                select distinct on (s.id) s.id, s.resource_id, s.type, s.audience, s.role, s.status, s.expires_at,
                       s.created_at, s.created_by, s.sharer_name, s.sharer_email, s.recipient_email,
                       s.recipient_user_id, r.via, r.depth
                from share s join reaching r on r.resource_id = s.resource_id
                where s.organization_id = :organizationId
                  and %s
                order by s.id, %s, r.depth
            )
            """.formatted(ShareStatuses.grantsNow("s."), VIA_RANK.formatted("r.via"));

    /** Whether a granting share {@code g} is the caller's: by user id or address, or as a member for org links. */
    private static final String FOR_CALLER = """
            (g.type = 'person' and (g.recipient_user_id = :userId
                                    or lower(g.recipient_email) = lower(cast(:email as varchar))))
            or (g.type = 'link' and g.audience = 'users' and exists (
                    select 1 from share_link_recipient lr
                    where lr.share_id = g.id
                      and (lr.user_id = :userId or lower(lr.email) = lower(cast(:email as varchar)))))
            or (g.type = 'link' and g.audience = 'organization' and cast(:member as boolean))
            """;

    private static final String ORDER = "order by %s, g.depth, g.created_at, g.id".formatted(VIA_RANK.formatted("g.via"));

    private final JdbcClient jdbc;

    AccessGrants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A resource of the organisation as access reads it. */
    record Target(UUID id, String kind, String documentType) {
    }

    /** The resource if it exists in the organisation and is not deleted. */
    Optional<Target> find(UUID organizationId, UUID resourceId) {
        return jdbc.sql("""
                        select id, kind, document_type from resource
                        where id = :id and organization_id = :organizationId and deleted_at is null
                        """)
                .param("id", resourceId)
                .param("organizationId", organizationId)
                .query((rs, row) -> new Target(rs.getObject("id", UUID.class), rs.getString("kind"),
                        rs.getString("document_type")))
                .optional();
    }

    /**
     * The caller's strongest grant on the resource, by one recursive query: the highest role; among equals the
     * nearest (direct, then inherited from the nearest folder, then through a collection), a direct share before a
     * link, the oldest.
     *
     * @param email  may be null (then only the user id matches)
     * @param member whether the caller is a member of the organisation (links of audience {@code organization})
     */
    Optional<Grant> strongest(UUID organizationId, UUID resourceId, UUID userId, String email, boolean member,
                              Instant now) {
        return jdbc.sql(GRANTING + "select g.* from granting g where (" + FOR_CALLER + ")"
                        + " order by " + ROLE_RANK + " desc, " + VIA_RANK.formatted("g.via")
                        + ", g.depth, (g.type = 'link'), g.created_at, g.id limit 1")
                .param("organizationId", organizationId)
                .param("resourceId", resourceId)
                .param("userId", userId)
                .param("email", email)
                .param("member", member)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query(AccessGrants::grant)
                .optional();
    }

    /** A share that grants access to the resource, with whom it is for. */
    record Permission(Grant grant, String status, Instant createdAt, String recipientEmail, UUID recipientUserId,
                      List<Recipient> recipients, UUID sharedByUserId, String sharedByName, String sharedByEmail) {
    }

    /** A recipient named by a share. */
    record Recipient(String email, UUID userId) {
    }

    /**
     * Every share that grants access to the resource: direct ones first, then inherited (nearest folder first), then
     * through collections; oldest first within each.
     */
    Page<Permission> permissions(UUID organizationId, UUID resourceId, Instant now, PageRequest page) {
        long total = jdbc.sql(GRANTING + "select count(*) from granting")
                .param("organizationId", organizationId)
                .param("resourceId", resourceId)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single();
        List<Permission> rows = jdbc.sql(GRANTING + """
                        select g.*, d.display_name as directory_name, d.email_lower as directory_email
                        from granting g left join directory_user d on d.user_id = g.created_by
                        """ + ORDER + " limit :limit offset :offset")
                .param("organizationId", organizationId)
                .param("resourceId", resourceId)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, row) -> new Permission(grant(rs, row), rs.getString("status"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("recipient_email"),
                        rs.getObject("recipient_user_id", UUID.class), List.of(),
                        rs.getObject("created_by", UUID.class),
                        firstOf(rs.getString("sharer_name"), rs.getString("directory_name")),
                        firstOf(rs.getString("sharer_email"), rs.getString("directory_email"))))
                .list();
        Map<UUID, List<Recipient>> recipients = linkRecipients(rows.stream()
                .filter(p -> "link".equals(p.grant().shareType())).map(p -> p.grant().shareId()).toList());
        List<Permission> withRecipients = new ArrayList<>(rows.size());
        for (Permission p : rows) {
            withRecipients.add(new Permission(p.grant(), p.status(), p.createdAt(), p.recipientEmail(),
                    p.recipientUserId(), recipients.getOrDefault(p.grant().shareId(), List.of()), p.sharedByUserId(),
                    p.sharedByName(), p.sharedByEmail()));
        }
        return Page.of(withRecipients, page, total);
    }

    private Map<UUID, List<Recipient>> linkRecipients(Collection<UUID> shareIds) {
        Map<UUID, List<Recipient>> byShare = new LinkedHashMap<>();
        if (shareIds.isEmpty()) {
            return byShare;
        }
        jdbc.sql("""
                        select share_id, email, user_id from share_link_recipient
                        where share_id in (:ids) order by share_id, position
                        """)
                .param("ids", shareIds)
                .query(rs -> {
                    byShare.computeIfAbsent(rs.getObject("share_id", UUID.class), id -> new ArrayList<>())
                            .add(new Recipient(rs.getString("email"), rs.getObject("user_id", UUID.class)));
                });
        return byShare;
    }

    private static Grant grant(ResultSet rs, int row) throws SQLException {
        OffsetDateTime expiresAt = rs.getObject("expires_at", OffsetDateTime.class);
        return new Grant(rs.getObject("id", UUID.class), rs.getObject("resource_id", UUID.class), rs.getString("type"),
                rs.getString("audience"), rs.getString("role"), Via.parse(rs.getString("via")).orElseThrow(),
                rs.getInt("depth"), expiresAt == null ? null : expiresAt.toInstant());
    }

    private static String firstOf(String preferred, String fallback) {
        return preferred != null && !preferred.isBlank() ? preferred : fallback;
    }
}
