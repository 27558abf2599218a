package io.shareflow.api.resource;

import java.time.Instant;
import java.util.UUID;

import io.shareflow.api.resource.model.Resource;

/** A resource as the API shows it; {@code documentType}, {@code assetId} and {@code parentId} may be null. */
record ResourceResponse(UUID id, String name, String kind, String documentType, UUID assetId, UUID parentId,
                        UUID organizationId, Instant createdAt) {

    static ResourceResponse of(Resource resource) {
        return new ResourceResponse(resource.id(), resource.name(), resource.kind().value(),
                resource.documentType() == null ? null : resource.documentType().value(), resource.assetId(),
                resource.parentId(), resource.organizationId(), resource.createdAt());
    }
}
