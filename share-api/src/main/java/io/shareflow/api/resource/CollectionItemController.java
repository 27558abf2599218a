package io.shareflow.api.resource;

import java.net.URI;
import java.util.UUID;

import io.shareflow.domain.PageRequest;
import io.shareflow.support.security.CurrentUser;
import io.shareflow.support.web.DataEnvelope;
import io.shareflow.support.web.PageEnvelope;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/resources/{collectionId}/items")
class CollectionItemController {

    private final CollectionService collections;

    CollectionItemController(CollectionService collections) {
        this.collections = collections;
    }

    @PostMapping
    ResponseEntity<DataEnvelope<CollectionItemResponse>> add(CurrentUser user, @PathVariable UUID collectionId,
                                                             @Valid @RequestBody CollectionItemRequest body) {
        CollectionItems.Item item = collections.add(user, collectionId, body.resourceId());
        return ResponseEntity.created(URI.create("/v1/resources/" + collectionId + "/items/" + body.resourceId()))
                .body(DataEnvelope.of(CollectionItemResponse.of(item)));
    }

    @GetMapping("/{resourceId}")
    DataEnvelope<CollectionItemResponse> get(CurrentUser user, @PathVariable UUID collectionId,
                                             @PathVariable UUID resourceId) {
        return DataEnvelope.of(CollectionItemResponse.of(collections.get(user, collectionId, resourceId)));
    }

    @GetMapping
    PageEnvelope<CollectionItemResponse> list(CurrentUser user, @PathVariable UUID collectionId,
                                              @RequestParam(required = false) Integer page,
                                              @RequestParam(required = false) Integer size) {
        return PageEnvelope.of(collections.list(user, collectionId, PageRequest.of(page, size))
                .map(CollectionItemResponse::of));
    }

    @DeleteMapping("/{resourceId}")
    ResponseEntity<Void> remove(CurrentUser user, @PathVariable UUID collectionId, @PathVariable UUID resourceId) {
        collections.remove(user, collectionId, resourceId);
        return ResponseEntity.noContent().build();
    }
}
