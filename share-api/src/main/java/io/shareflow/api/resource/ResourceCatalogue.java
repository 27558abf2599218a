package io.shareflow.api.resource;

import java.time.Clock;
import java.util.UUID;

import io.shareflow.api.resource.model.NewResource;
import io.shareflow.api.resource.model.Resource;
import io.shareflow.domain.InvalidRequest;
import io.shareflow.domain.NotFound;
import io.shareflow.domain.Page;
import io.shareflow.domain.PageRequest;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adding resources to an organisation's catalogue and finding them. */
@Service
class ResourceCatalogue {

    private final Resources resources;
    private final Clock clock;

    ResourceCatalogue(Resources resources, Clock clock) {
        this.resources = resources;
        this.clock = clock;
    }

    @Transactional
    Resource add(UUID organizationId, UUID userId, NewResource request) {
        if (request.parentId() != null) {
            Resource parent = resources.find(organizationId, request.parentId())
                    .orElseThrow(() -> new InvalidRequest("parentId", "no such folder or collection"));
            if (!parent.kind().isContainer()) {
                throw new InvalidRequest("parentId", "must be a folder or collection");
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
        return resources.find(organizationId, id).orElseThrow(() -> new NotFound("Resource not found."));
    }

    @Transactional(readOnly = true)
    Page<Resource> list(UUID organizationId, UUID parentId, PageRequest page) {
        return resources.list(organizationId, parentId, page);
    }
}
