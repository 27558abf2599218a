package io.shareflow.api.resource;

import java.net.URI;
import java.util.UUID;

import io.shareflow.domain.PageRequest;
import io.shareflow.support.openapi.ApiErrors;
import io.shareflow.support.openapi.ApiExample;
import io.shareflow.support.openapi.ErrorExample;
import io.shareflow.support.security.CurrentUser;
import io.shareflow.support.web.DataEnvelope;
import io.shareflow.support.web.PageEnvelope;
import io.swagger.v3.oas.annotations.Operation;
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

    @Operation(summary = "Add a file or folder to a collection (sharing roles)",
            description = "By reference: a folder brings what is below it, and the collection's shares reach it all. "
                    + "Not collections and not internal documents (422); a resource already in it is 409.")
    @ApiExample(status = 201, request = ResourceExamples.ITEM_REQUEST, response = ResourceExamples.ITEM)
    @ApiErrors(value = {403, 404, 409, 422}, field = "resourceId", examples = {
            @ErrorExample(status = 403, message = "Only the sharing roles may change resources."),
            @ErrorExample(status = 409, message = "The resource is already in this collection.", extension = """
                    {"field": "resourceId"}"""),
            @ErrorExample(status = 422, name = "NotACollection", message = "Only a collection has items; this is a folder.",
                    extension = """
                            {"kind": "folder"}"""),
            @ErrorExample(status = 422, name = "CollectionInCollection",
                    message = "A collection cannot hold another collection.", extension = """
                            {"field": "resourceId", "kind": "collection"}"""),
            @ErrorExample(status = 422, name = "InternalDocument", message = "Operation not allowed for this entity type.",
                    extension = """
                            {"field": "resourceId", "entityType": "Document"}"""),
            @ErrorExample(status = 422, name = "NoSuchResource", message = "No such resource in this organisation.",
                    extension = """
                            {"field": "resourceId"}""")})
    @PostMapping
    ResponseEntity<DataEnvelope<CollectionItemResponse>> add(CurrentUser user, @PathVariable UUID collectionId,
                                                             @Valid @RequestBody CollectionItemRequest body) {
        CollectionItems.Item item = collections.add(user, collectionId, body.resourceId());
        return ResponseEntity.created(URI.create("/v1/resources/" + collectionId + "/items/" + body.resourceId()))
                .body(DataEnvelope.of(CollectionItemResponse.of(item)));
    }

    @Operation(summary = "One item of a collection: the resource, who added it and when")
    @ApiExample(response = ResourceExamples.ITEM)
    @ApiErrors(value = {404, 422}, examples = {
            @ErrorExample(status = 404, message = "The resource is not in this collection."),
            @ErrorExample(status = 422, name = "NotACollection", message = "Only a collection has items; this is a folder.",
                    extension = """
                            {"kind": "folder"}""")})
    @GetMapping("/{resourceId}")
    DataEnvelope<CollectionItemResponse> get(CurrentUser user, @PathVariable UUID collectionId,
                                             @PathVariable UUID resourceId) {
        return DataEnvelope.of(CollectionItemResponse.of(collections.get(user, collectionId, resourceId)));
    }

    @Operation(summary = "A collection's items, paged")
    @ApiExample(response = ResourceExamples.ITEMS)
    @ApiErrors(value = {404, 422}, examples = @ErrorExample(status = 422, name = "NotACollection", message = "Only a collection has items; this is a folder.",
                    extension = """
                            {"kind": "folder"}"""))
    @GetMapping
    PageEnvelope<CollectionItemResponse> list(CurrentUser user, @PathVariable UUID collectionId,
                                              @RequestParam(required = false) Integer page,
                                              @RequestParam(required = false) Integer size) {
        return PageEnvelope.of(collections.list(user, collectionId, PageRequest.of(page, size))
                .map(CollectionItemResponse::of));
    }

    @Operation(summary = "Take a resource out of a collection (sharing roles); the resource itself stays")
    @ApiExample(status = 204)
    @ApiErrors(value = {403, 404, 422}, examples = {
            @ErrorExample(status = 403, message = "Only the sharing roles may change resources."),
            @ErrorExample(status = 404, message = "The resource is not in this collection."),
            @ErrorExample(status = 422, name = "NotACollection", message = "Only a collection has items; this is a folder.",
                    extension = """
                            {"kind": "folder"}""")})
    @DeleteMapping("/{resourceId}")
    ResponseEntity<Void> remove(CurrentUser user, @PathVariable UUID collectionId, @PathVariable UUID resourceId) {
        collections.remove(user, collectionId, resourceId);
        return ResponseEntity.noContent().build();
    }
}
