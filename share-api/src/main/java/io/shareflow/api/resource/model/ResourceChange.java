package io.shareflow.api.resource.model;

import java.util.UUID;

import io.shareflow.domain.InvalidRequest;

/**
 * A validated {@code PATCH /v1/resources/{id}}: what to rename and where to move, each only when asked for (a JSON
 * merge patch: a field left out keeps its value; {@code "parentId": null} moves the resource to the top level).
 *
 * @param name     the new name without surrounding blanks; null = keep
 * @param move     whether {@code parentId} was given
 * @param parentId the new parent folder; null with {@code move} = the top level
 */
public record ResourceChange(String name, boolean move, UUID parentId) {

    /**
     * @param nameGiven whether the body had {@code name} (a null one cannot be: a resource always has a name)
     * @throws InvalidRequest naming {@code name} for a {@code null} name
     */
    public static ResourceChange of(boolean nameGiven, String name, boolean parentGiven, UUID parentId) {
        if (nameGiven && name == null) {
            throw new InvalidRequest("name", "must not be null");
        }
        return new ResourceChange(name == null ? null : name.strip(), parentGiven, parentGiven ? parentId : null);
    }

    /** The resource after this change; the parent is assumed checked ({@link ResourceMoves}). */
    public Resource applyTo(Resource resource) {
        return new Resource(resource.id(), resource.organizationId(), name == null ? resource.name() : name,
                resource.kind(), resource.documentType(), resource.assetId(), move ? parentId : resource.parentId(),
                resource.createdBy(), resource.createdAt());
    }
}
