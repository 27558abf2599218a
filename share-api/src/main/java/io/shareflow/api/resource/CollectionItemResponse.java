package io.shareflow.api.resource;

import java.time.Instant;
import java.util.UUID;

/** A collection's item as the API shows it: the resource (as {@code GET /v1/resources/{id}}), who added it and when. */
record CollectionItemResponse(UUID collectionId, ResourceResponse resource, UUID addedBy, Instant addedAt) {

    static CollectionItemResponse of(CollectionItems.Item item) {
        return new CollectionItemResponse(item.collectionId(), ResourceResponse.of(item.resource()), item.addedBy(),
                item.addedAt());
    }
}
