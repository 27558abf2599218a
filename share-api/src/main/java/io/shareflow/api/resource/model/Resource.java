package io.shareflow.api.resource.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A shareable thing of an organisation: a file, folder or collection.
 *
 * @param documentType non-null exactly for files
 * @param assetId      the asset the resource documents; may be null
 * @param parentId     the containing folder or collection; null at the top level
 */
public record Resource(UUID id, UUID organizationId, String name, ResourceKind kind, DocumentType documentType,
                       UUID assetId, UUID parentId, UUID createdBy, Instant createdAt) {

    public Resource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        if ((kind == ResourceKind.FILE) != (documentType != null)) {
            throw new IllegalArgumentException("a document type is required for files and forbidden otherwise");
        }
    }

    /** Whether this resource may be shared with people at all (files of some types may not). */
    public boolean isShareable() {
        return documentType == null || documentType.isShareable();
    }
}
