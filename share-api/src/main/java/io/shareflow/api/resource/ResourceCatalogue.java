package io.shareflow.api.resource;

import java.time.Clock;
import java.util.UUID;

import io.shareflow.api.access.model.OrganizationRoles;
import io.shareflow.api.resource.model.NewResource;
import io.shareflow.api.resource.model.Resource;
import io.shareflow.api.resource.model.ResourceChange;
import io.shareflow.api.resource.model.ResourceKind;
import io.shareflow.api.resource.model.ResourceMoves;
import io.shareflow.domain.Conflict;
import io.shareflow.domain.InvalidRequest;
import io.shareflow.domain.NotFound;
import io.shareflow.domain.Page;
import io.shareflow.domain.PageRequest;
import io.shareflow.support.security.CurrentUser;
import io.shareflow.support.web.ApiException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adding resources to an organisation's catalogue, finding, renaming, moving and deleting them. */
@Service
class ResourceCatalogue {

    private final Resources resources;
    private final CollectionItems items;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ResourceCatalogue(Resources resources, CollectionItems items, ApplicationEventPublisher events, Clock clock) {
        this.resources = resources;
        this.items = items;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    Resource add(UUID organizationId, UUID userId, NewResource request) {
        if (request.parentId() != null) {
            // Shared: the folder must not be deleted before this child is in it.
            Resource parent = resources.findLocked(organizationId, request.parentId(), false)
                    .orElseThrow(() -> new InvalidRequest("parentId", "no such folder"));
            if (parent.kind() != ResourceKind.FOLDER) {
                throw new InvalidRequest("parentId", "must be a folder");
            }
        }
        Resource resource = new Resource(UUID.randomUUID(), organizationId, request.name(), request.kind(),
                request.documentType(), request.assetId(), request.parentId(), userId,
                clock.instant());
        resources.add(resource);
        return resource;
    }

    @Transactional(readOnly = true)
    Resource get(UUID organizationId, UUID id) {
        return resources.find(organizationId, id).orElseThrow(ResourceCatalogue::notFound);
    }

    @Transactional(readOnly = true)
    Page<Resource> list(UUID organizationId, UUID parentId, PageRequest page) {
        return resources.list(organizationId, parentId, page);
    }

    /**
     * Renames and/or moves a resource. Moves within an organisation are serialised (the cycle check reads the whole
     * chain of ancestors); the new parent is locked against its deletion. Access inherited through folders is read
     * from the tree each time, so it follows the move at once.
     */
    @Transactional
    Resource change(CurrentUser caller, UUID id, ResourceChange change) {
        OrganizationRoles.requireMember(caller.roles(), "Resource");
        UUID organizationId = caller.organizationId();
        if (change.move()) {
            resources.lockTree(organizationId);
        }
        Resource resource = resources.findLocked(organizationId, id, true).orElseThrow(ResourceCatalogue::notFound);
        requireSharingRole(caller);
        if (change.move() && change.parentId() != null) {
            Resource parent = resources.findLocked(organizationId, change.parentId(), false)
                    .orElseThrow(() -> new InvalidRequest("parentId", "no such folder"));
            ResourceMoves.check(resource, parent, resources.selfAndAncestors(organizationId, parent.id()));
        }
        Resource changed = change.applyTo(resource);
        resources.change(id, changed.name(), changed.parentId());
        return changed;
    }

    /**
     * Deletes a resource softly: it is no longer found or listed, it leaves every collection (a collection's own
     * references go too; its items stay), and {@link ResourceDeleted} is published in this transaction (the share
     * feature revokes the resource's shares). A folder that still holds anything is 409.
     */
    @Transactional
    void delete(CurrentUser caller, UUID id) {
        OrganizationRoles.requireMember(caller.roles(), "Resource");
        Resource resource = resources.findLocked(caller.organizationId(), id, true)
                .orElseThrow(ResourceCatalogue::notFound);
        requireSharingRole(caller);
        if (resource.kind() == ResourceKind.FOLDER && resources.hasChildren(caller.organizationId(), id)) {
            throw new Conflict("The folder is not empty: delete or move what it holds first.");
        }
        resources.markDeleted(id, caller.userId(), clock.instant());
        items.forget(id);
        events.publishEvent(new ResourceDeleted(id, caller.organizationId(), caller.userId()));
    }

    static void requireSharingRole(CurrentUser caller) {
        if (!OrganizationRoles.isSharing(caller.roles())) {
            throw ApiException.noPermission("Only the sharing roles may change resources.");
        }
    }

    static NotFound notFound() {
        return new NotFound("Resource not found.");
    }
}
