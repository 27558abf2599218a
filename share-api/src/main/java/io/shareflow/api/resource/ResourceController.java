package io.shareflow.api.resource;

import java.net.URI;
import java.util.UUID;

import io.shareflow.api.access.model.OrganizationRoles;
import io.shareflow.api.resource.model.Resource;
import io.shareflow.domain.PageRequest;
import io.shareflow.support.openapi.ApiErrors;
import io.shareflow.support.openapi.ApiExample;
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

    @PatchMapping("/{id}")
    DataEnvelope<ResourceResponse> change(CurrentUser user, @PathVariable UUID id,
                                          @Valid @RequestBody ResourceChangeRequest body) {
        return DataEnvelope.of(ResourceResponse.of(catalogue.change(user, id, body.toChange())));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(CurrentUser user, @PathVariable UUID id) {
        catalogue.delete(user, id);
        return ResponseEntity.noContent().build();
    }
}
