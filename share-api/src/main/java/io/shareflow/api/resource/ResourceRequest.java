package io.shareflow.api.resource;

import java.util.UUID;

import io.shareflow.api.resource.model.DocumentType;
import io.shareflow.api.resource.model.NewResource;
import io.shareflow.api.resource.model.ResourceKind;
import io.shareflow.support.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code POST /v1/resources}, each field checked on its own (ids by their type, the rest by Bean
 * Validation); whether {@code documentType} fits {@code kind} is {@link NewResource}'s rule.
 */
record ResourceRequest(
        @NotBlank @PlainText(max = NewResource.MAX_NAME_LENGTH) String name,
        @NotNull @Pattern(regexp = "file|folder|collection", message = "must be one of file, folder, collection")
        String kind,
        @Pattern(regexp = "asset-document|maintenance-file|internal",
                message = "must be one of asset-document, maintenance-file, internal") String documentType,
        UUID assetId,
        UUID parentId) {

    /** The request for the domain; call it on a validated request only. */
    NewResource toNewResource() {
        return NewResource.of(name, ResourceKind.parse(kind).orElseThrow(),
                documentType == null ? null : DocumentType.parse(documentType).orElseThrow(), assetId, parentId);
    }
}
