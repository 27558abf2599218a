package io.shareflow.api.resource;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import io.shareflow.api.resource.model.DocumentType;
import io.shareflow.api.resource.model.Resource;
import io.shareflow.api.resource.model.ResourceKind;
import io.shareflow.domain.Page;
import io.shareflow.domain.PageRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The catalogue's resources, always read within one organisation. */
@Repository
public class Resources {

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

    /** The resource if it exists and belongs to {@code organizationId}. */
    public Optional<Resource> find(UUID organizationId, UUID id) {
        return jdbc.sql("select * from resource where id = :id and organization_id = :organizationId")
                .param("id", id)
                .param("organizationId", organizationId)
                .query(Resources::resource)
                .optional();
    }

    /** Resources of the organisation, oldest first; only the direct children of {@code parentId} unless it is null. */
    Page<Resource> list(UUID organizationId, UUID parentId, PageRequest page) {
        String filter = parentId == null ? "" : " and parent_id = :parentId";
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

    private static Resource resource(ResultSet rs, int row) throws SQLException {
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
