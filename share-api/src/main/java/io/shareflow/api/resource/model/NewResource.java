package io.shareflow.api.resource.model;

import java.util.Objects;
import java.util.UUID;

import io.shareflow.domain.InvalidRequest;

/**
 * A validated request to add a resource to the catalogue.
 *
 * @param name         without surrounding blanks
 * @param documentType non-null exactly for files
 * @param assetId      may be null
 * @param parentId     may be null; whether it exists is checked against the catalogue
 */
public record NewResource(String name, ResourceKind kind, DocumentType documentType, UUID assetId, UUID parentId) {

    public static final int MAX_NAME_LENGTH = 255;

    /**
     * Checks what involves several fields of a create request whose fields are valid on their own (checked at
     * the web edge): files need a document type, folders and collections must not have one.
     *
     * @param name         not blank
     * @param kind         not null
     * @param documentType null when none was given
     * @throws InvalidRequest naming {@code documentType} when it does not fit {@code kind}
     */
    public static NewResource of(String name, ResourceKind kind, DocumentType documentType, UUID assetId,
                                 UUID parentId) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (kind == ResourceKind.FILE && documentType == null) {
            throw new InvalidRequest("documentType", "is required for files");
        }
        if (kind != ResourceKind.FILE && documentType != null) {
            throw new InvalidRequest("documentType", "is only allowed for files");
        }
        return new NewResource(name.strip(), kind, documentType, assetId, parentId);
    }
}
