package io.shareflow.api.resource;

import java.net.URI;
import java.util.UUID;

import io.shareflow.api.access.model.OrganizationRoles;
import io.shareflow.api.resource.model.Resource;
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
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/resources")
class ResourceController {

    private final ResourceCatalogue catalogue;

    ResourceController(ResourceCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Operation(summary = "Add a file, folder or collection to the catalogue (sharing roles)",
            description = "documentType for files only (asset-document, maintenance-file, internal); parentId a folder or "
                    + "collection of the organisation.")
    @ApiExample(status = 201, request = ResourceExamples.CREATE_REQUEST, response = ResourceExamples.RESOURCE)
    @ApiErrors(value = 403, field = "documentType")
    @PostMapping
    ResponseEntity<DataEnvelope<ResourceResponse>> create(CurrentUser user,
                                                          @Valid @RequestBody ResourceRequest body) {
        Resource resource = catalogue.add(user.organizationId(), user.userId(), body.toNewResource());
        return ResponseEntity.created(URI.create("/v1/resources/" + resource.id()))
                .body(DataEnvelope.of(ResourceResponse.of(resource)));
    }

    @Operation(summary = "A resource of the caller's organisation")
    @ApiExample(response = ResourceExamples.RESOURCE)
    @ApiErrors(404)
    @GetMapping("/{id}")
    DataEnvelope<ResourceResponse> get(CurrentUser user, @PathVariable UUID id) {
        OrganizationRoles.requireMember(user.roles(), "Resource");
        return DataEnvelope.of(ResourceResponse.of(catalogue.get(user.organizationId(), id)));
    }

    @Operation(summary = "The organisation's resources, by parent (top level without parentId), paged")
    @ApiExample(response = ResourceExamples.RESOURCES)
    @ApiErrors(404)
    @GetMapping
    PageEnvelope<ResourceResponse> list(CurrentUser user, @RequestParam(required = false) UUID parentId,
                                        @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size) {
        OrganizationRoles.requireMember(user.roles(), "Resource");
        return PageEnvelope.of(catalogue.list(user.organizationId(), parentId, PageRequest.of(page, size))
                .map(ResourceResponse::of));
    }

    @Operation(summary = "Rename and/or move a resource (sharing roles)",
            description = "A JSON merge patch: a field left out keeps its value, \"parentId\": null moves the resource to "
                    + "the top level. The new parent is a folder of the organisation, neither the resource nor below "
                    + "it (409). Access inherited through folders follows the move at once.")
    @ApiExample(request = ResourceExamples.CHANGE_REQUEST, response = ResourceExamples.RESOURCE_CHANGED)
    @ApiErrors(value = {403, 404, 409}, field = "parentId", examples = {
            @ErrorExample(status = 403, message = "Only the sharing roles may change resources."),
            @ErrorExample(status = 409, name = "UnderItsOwnSubfolder",
                    message = "A folder cannot be moved under one of its own subfolders.", extension = """
                            {"field": "parentId"}"""),
            @ErrorExample(status = 409, name = "UnderItself", message = "A resource cannot be moved under itself.",
                    extension = """
                            {"field": "parentId"}""")})
    @PatchMapping("/{id}")
    DataEnvelope<ResourceResponse> change(CurrentUser user, @PathVariable UUID id,
                                          @Valid @RequestBody ResourceChangeRequest body) {
        return DataEnvelope.of(ResourceResponse.of(catalogue.change(user, id, body.toChange())));
    }

    @Operation(summary = "Delete a resource (sharing roles)",
            description = "Soft: it is no longer found or listed, it leaves every collection, and every share of it is "
                    + "revoked (cause resource-deleted). A folder that still holds anything is 409.")
    @ApiExample(status = 204)
    @ApiErrors(value = {403, 404, 409}, examples = {
            @ErrorExample(status = 403, message = "Only the sharing roles may change resources."),
            @ErrorExample(status = 409, message = "The folder is not empty: delete or move what it holds first.")})
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(CurrentUser user, @PathVariable UUID id) {
        catalogue.delete(user, id);
        return ResponseEntity.noContent().build();
    }
}
