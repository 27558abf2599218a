package io.shareflow.api.resource;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import io.shareflow.api.access.model.OrganizationRoles;
import io.shareflow.api.resource.model.CollectionItemRules;
import io.shareflow.api.resource.model.Resource;
import io.shareflow.domain.Conflict;
import io.shareflow.domain.NotFound;
import io.shareflow.domain.Page;
import io.shareflow.domain.PageRequest;
import io.shareflow.domain.RefusedRequest;
import io.shareflow.support.security.CurrentUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The items of collections. A collection and its items are of one organisation; another organisation's collection
 * is 404 and its resources cannot be added (422). Adding a resource twice is 409.
 */
@Service
class CollectionService {

    private final Resources resources;
    private final CollectionItems items;
    private final Clock clock;

    CollectionService(Resources resources, CollectionItems items, Clock clock) {
        this.resources = resources;
        this.items = items;
        this.clock = clock;
    }

    /** Both rows are locked shared, so neither can be deleted before the item is recorded. */
    @Transactional
    CollectionItems.Item add(CurrentUser caller, UUID collectionId, UUID resourceId) {
        OrganizationRoles.requireMember(caller.roles(), "Resource");
        Resource collection = resources.findLocked(caller.organizationId(), collectionId, false)
                .orElseThrow(ResourceCatalogue::notFound);
        ResourceCatalogue.requireSharingRole(caller);
        CollectionItemRules.requireCollection(collection);
        Resource item = resources.findLocked(caller.organizationId(), resourceId, false)
                .orElseThrow(() -> new RefusedRequest("No such resource in this organisation.",
                        Map.of("field", "resourceId")));
        CollectionItemRules.checkItem(collection, item);
        if (!items.add(collectionId, resourceId, caller.userId(), clock.instant())) {
            throw new Conflict("The resource is already in this collection.", "resourceId");
        }
        return items.find(collectionId, resourceId).orElseThrow();
    }

    @Transactional
    void remove(CurrentUser caller, UUID collectionId, UUID resourceId) {
        collection(caller, collectionId, true);
        if (!items.remove(collectionId, resourceId)) {
            throw new NotFound("The resource is not in this collection.");
        }
    }

    @Transactional(readOnly = true)
    CollectionItems.Item get(CurrentUser caller, UUID collectionId, UUID resourceId) {
        collection(caller, collectionId, false);
        return items.find(collectionId, resourceId)
                .orElseThrow(() -> new NotFound("The resource is not in this collection."));
    }

    @Transactional(readOnly = true)
    Page<CollectionItems.Item> list(CurrentUser caller, UUID collectionId, PageRequest page) {
        collection(caller, collectionId, false);
        return items.list(collectionId, page);
    }

    /** Not found for a guest or another organisation; a member without a sharing role may only read. */
    private Resource collection(CurrentUser caller, UUID collectionId, boolean toChange) {
        OrganizationRoles.requireMember(caller.roles(), "Resource");
        Resource collection = resources.find(caller.organizationId(), collectionId)
                .orElseThrow(ResourceCatalogue::notFound);
        if (toChange) {
            ResourceCatalogue.requireSharingRole(caller);
        }
        CollectionItemRules.requireCollection(collection);
        return collection;
    }
}
