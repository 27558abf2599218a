package io.shareflow.api.resource.model;

import java.util.UUID;

import io.shareflow.domain.InvalidRequest;
import io.shareflow.domain.Texts;

/**
 * A validated request to add a resource to the catalogue.
 *
 * @param documentType non-null exactly for files
 * @param assetId      may be null
 * @param parentId     may be null; whether it exists is checked against the catalogue
 */
public record NewResource(String name, ResourceKind kind, DocumentType documentType, UUID assetId, UUID parentId) {

    static final int MAX_NAME_LENGTH = 255;

    /**
     * Validates the fields of a create request as the client sent them.
     *
     * @throws InvalidRequest naming the first offending field
     */
    public static NewResource of(String name, String kind, String documentType, String assetId, String parentId) {
        if (name == null || name.isBlank()) {
            throw new InvalidRequest("name", "must not be blank");
        }
        String trimmed = name.strip();
        if (Texts.length(trimmed) > MAX_NAME_LENGTH) {
            throw new InvalidRequest("name", "must be at most " + MAX_NAME_LENGTH + " characters");
        }
        if (Texts.hasControlCharacters(trimmed, false)) {
            throw new InvalidRequest("name", "must not contain control characters");
        }
        if (kind == null) {
            throw new InvalidRequest("kind", "must not be null");
        }
        ResourceKind parsedKind = ResourceKind.parse(kind)
                .orElseThrow(() -> new InvalidRequest("kind", "must be one of file, folder, collection"));
        DocumentType parsedType = null;
        if (parsedKind == ResourceKind.FILE) {
            if (documentType == null) {
                throw new InvalidRequest("documentType", "is required for files");
            }
            parsedType = DocumentType.parse(documentType).orElseThrow(() -> new InvalidRequest("documentType",
                    "must be one of asset-document, maintenance-file, internal"));
        } else if (documentType != null) {
            throw new InvalidRequest("documentType", "is only allowed for files");
        }
        return new NewResource(trimmed, parsedKind, parsedType,
                Texts.uuid("assetId", assetId), Texts.uuid("parentId", parentId));
    }
}
