package io.shareflow.api.resource.model;

import java.util.Map;
import java.util.Objects;

import io.shareflow.domain.RefusedRequest;

/**
 * What a collection holds: files and folders of its organisation, by reference (a folder brings what is below it).
 * Not collections (one level, no cycles of collections) and not internal documents, which cannot be shared on their
 * own (a collection is several items shared as one).
 */
public final class CollectionItemRules {

    private CollectionItemRules() {
    }

    /**
     * @param target the resource whose items are asked for; not null
     * @throws RefusedRequest (422, {@code extension.kind}) when it is not a collection
     */
    public static void requireCollection(Resource target) {
        Objects.requireNonNull(target, "target");
        if (target.kind() != ResourceKind.COLLECTION) {
            throw new RefusedRequest("Only a collection has items; this is a " + target.kind().value() + ".",
                    Map.of("kind", target.kind().value()));
        }
    }

    /**
     * @param collection a collection; not null
     * @param item       the resource to add, of the same organisation; not null
     * @throws RefusedRequest (422) naming {@code resourceId} for a collection or an internal document
     */
    public static void checkItem(Resource collection, Resource item) {
        requireCollection(collection);
        Objects.requireNonNull(item, "item");
        if (item.kind() == ResourceKind.COLLECTION) {
            throw new RefusedRequest("A collection cannot hold another collection.",
                    Map.of("field", "resourceId", "kind", item.kind().value()));
        }
        if (!item.isShareable()) {
            throw new RefusedRequest("Operation not allowed for this entity type.",
                    Map.of("field", "resourceId", "entityType", "Document"));
        }
    }
}
