package io.shareflow.api.resource;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import io.shareflow.api.resource.model.Resource;
import io.shareflow.domain.Page;
import io.shareflow.domain.PageRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The items of collections: resources held by reference, each at most once per collection. */
@Repository
class CollectionItems {

    /** A resource in a collection. */
    record Item(UUID collectionId, Resource resource, UUID addedBy, Instant addedAt) {
    }

    private final JdbcClient jdbc;

    CollectionItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the resource was already in the collection (nothing changes) */
    boolean add(UUID collectionId, UUID resourceId, UUID addedBy, Instant at) {
        return jdbc.sql("""
                        insert into collection_item (collection_id, resource_id, added_by, added_at)
                        values (:collectionId, :resourceId, :addedBy, :at)
                        on conflict do nothing
                        """)
                .param("collectionId", collectionId)
                .param("resourceId", resourceId)
                .param("addedBy", addedBy)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update() == 1;
    }

    /** @return false when the resource was not in the collection */
    boolean remove(UUID collectionId, UUID resourceId) {
        return jdbc.sql("delete from collection_item where collection_id = :collectionId and resource_id = :resourceId")
                .param("collectionId", collectionId)
                .param("resourceId", resourceId)
                .update() == 1;
    }

    /** Takes a deleted resource out of every collection, and a deleted collection's references to its items. */
    void forget(UUID resourceId) {
        jdbc.sql("delete from collection_item where resource_id = :id or collection_id = :id")
                .param("id", resourceId)
                .update();
    }

    Optional<Item> find(UUID collectionId, UUID resourceId) {
        return jdbc.sql("""
                        select ci.collection_id, ci.added_by, ci.added_at, r.*
                        from collection_item ci join resource r on r.id = ci.resource_id
                        where ci.collection_id = :collectionId and ci.resource_id = :resourceId
                          and r.deleted_at is null
                        """)
                .param("collectionId", collectionId)
                .param("resourceId", resourceId)
                .query(CollectionItems::item)
                .optional();
    }

    /** A collection's items in the order they were added. */
    Page<Item> list(UUID collectionId, PageRequest page) {
        long total = jdbc.sql("""
                        select count(*) from collection_item ci join resource r on r.id = ci.resource_id
                        where ci.collection_id = :collectionId and r.deleted_at is null
                        """)
                .param("collectionId", collectionId)
                .query(Long.class)
                .single();
        var items = jdbc.sql("""
                        select ci.collection_id, ci.added_by, ci.added_at, r.*
                        from collection_item ci join resource r on r.id = ci.resource_id
                        where ci.collection_id = :collectionId and r.deleted_at is null
                        order by ci.added_at, ci.resource_id
                        limit :limit offset :offset
                        """)
                .param("collectionId", collectionId)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(CollectionItems::item)
                .list();
        return Page.of(items, page, total);
    }

    private static Item item(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Item(rs.getObject("collection_id", UUID.class), Resources.resource(rs, row),
                rs.getObject("added_by", UUID.class), rs.getObject("added_at", OffsetDateTime.class).toInstant());
    }
}
