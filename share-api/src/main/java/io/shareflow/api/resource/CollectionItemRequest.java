package io.shareflow.api.resource;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /v1/resources/{collectionId}/items}: the resource to add. */
record CollectionItemRequest(@NotNull UUID resourceId) {
}
