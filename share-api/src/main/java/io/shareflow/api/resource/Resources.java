package io.shareflow.api.resource;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.shareflow.api.resource.model.DocumentType;
import io.shareflow.api.resource.model.Resource;
import io.shareflow.api.resource.model.ResourceKind;
import io.shareflow.domain.Page;
import io.shareflow.domain.PageRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The catalogue's resources, always read within one organisation; deleted ones (soft) are never found. */
@Repository
public class Resources {

    /**
     * First key of the advisory lock on an organisation's tree (the two-key form, whose key space does not overlap
     * the one-key locks of the outbox): "tree" in ASCII.
     */
    private static final int TREE_LOCK_SPACE = 0x74726565;

    private final JdbcClient jdbc;

    Resources(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Resource resource) {
        jdbc.sql("""
                        insert into resource (id, organization_id, name, kind, document_type, asset_id, parent_id,
                                              created_by, created_at)
                        values (:id, :organizationId, :name, :kind, :documentType, :assetId, :parentId,
                                :createdBy, :createdAt)
                        """)
                .param("id", resource.id())
                .param("organizationId", resource.organizationId())
                .param("name", resource.name())
                .param("kind", resource.kind().value())
                .param("documentType", resource.documentType() == null ? null : resource.documentType().value())
                .param("assetId", resource.assetId())
                .param("parentId", resource.parentId())
                .param("createdBy", resource.createdBy())
                .param("createdAt", resource.createdAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** The resource if it exists, is not deleted and belongs to {@code organizationId}. */
    public Optional<Resource> find(UUID organizationId, UUID id) {
        return select(organizationId, id, "");
    }

    /**
     * As {@link #find}, locking the row until the transaction ends: {@code exclusive} for a change or delete of the
     * resource itself, else shared (it is being put under, into or shared, so it must not be deleted meanwhile).
     */
    public Optional<Resource> findLocked(UUID organizationId, UUID id, boolean exclusive) {
        return select(organizationId, id, exclusive ? " for update" : " for share");
    }

    private Optional<Resource> select(UUID organizationId, UUID id, String lock) {
        return jdbc.sql("""
                        select * from resource
                        where id = :id and organization_id = :organizationId and deleted_at is null
                        """ + lock)
                .param("id", id)
                .param("organizationId", organizationId)
                .query(Resources::resource)
                .optional();
    }

    /**
     * Serialises the moves within one organisation until the transaction ends, on every instance: two concurrent
     * moves (a under b, b under a) could each pass the cycle check alone.
     */
    void lockTree(UUID organizationId) {
        jdbc.sql("select pg_advisory_xact_lock(:space, hashtext(:organizationId))")
                .param("space", TREE_LOCK_SPACE)
                .param("organizationId", organizationId.toString())
                .query((rs, row) -> Boolean.TRUE)
                .single();
    }

    /** {@code id} and its ancestors, nearest first (empty when {@code id} is not found). */
    List<UUID> selfAndAncestors(UUID organizationId, UUID id) {
        return jdbc.sql("""
                        with recursive chain (id, parent_id, depth) as (
                            select id, parent_id, 0 from resource
                            where id = :id and organization_id = :organizationId and deleted_at is null
                            union all
                            select p.id, p.parent_id, c.depth + 1
                            from resource p join chain c on p.id = c.parent_id
                            where p.organization_id = :organizationId and c.depth < 10000
                        )
                        select id from chain order by depth
                        """)
                .param("id", id)
                .param("organizationId", organizationId)
                .query(UUID.class)
                .list();
    }

    /** Whether a folder holds anything that is not deleted. */
    boolean hasChildren(UUID organizationId, UUID parentId) {
        return jdbc.sql("""
                        select exists (select 1 from resource
                                       where organization_id = :organizationId and parent_id = :parentId
                                         and deleted_at is null)
                        """)
                .param("organizationId", organizationId)
                .param("parentId", parentId)
                .query(Boolean.class)
                .single();
    }

    void change(UUID id, String name, UUID parentId) {
        jdbc.sql("update resource set name = :name, parent_id = :parentId where id = :id")
                .param("id", id)
                .param("name", name)
                .param("parentId", parentId)
                .update();
    }

    void markDeleted(UUID id, UUID deletedBy, Instant at) {
        jdbc.sql("update resource set deleted_at = :at, deleted_by = :deletedBy where id = :id")
                .param("id", id)
                .param("deletedBy", deletedBy)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    /** Resources of the organisation, oldest first; only the direct children of {@code parentId} unless it is null. */
    Page<Resource> list(UUID organizationId, UUID parentId, PageRequest page) {
        String filter = " and deleted_at is null" + (parentId == null ? "" : " and parent_id = :parentId");
        var total = jdbc.sql("select count(*) from resource where organization_id = :organizationId" + filter)
                .param("organizationId", organizationId)
                .param("parentId", parentId)
                .query(Long.class)
                .single();
        var items = jdbc.sql("select * from resource where organization_id = :organizationId" + filter
                        + " order by created_at, id limit :limit offset :offset")
                .param("organizationId", organizationId)
                .param("parentId", parentId)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(Resources::resource)
                .list();
        return Page.of(items, page, total);
    }

    static Resource resource(ResultSet rs, int row) throws SQLException {
        String documentType = rs.getString("document_type");
        return new Resource(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getString("name"),
                ResourceKind.parse(rs.getString("kind")).orElseThrow(),
                documentType == null ? null : DocumentType.parse(documentType).orElseThrow(),
                rs.getObject("asset_id", UUID.class),
                rs.getObject("parent_id", UUID.class),
                rs.getObject("created_by", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
