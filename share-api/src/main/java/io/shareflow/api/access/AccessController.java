package io.shareflow.api.access;

import java.util.UUID;

import io.shareflow.domain.PageRequest;
import io.shareflow.support.openapi.ApiErrors;
import io.shareflow.support.openapi.ApiExample;
import io.shareflow.support.openapi.ErrorExample;
import io.shareflow.support.security.CurrentUser;
import io.shareflow.support.web.DataEnvelope;
import io.shareflow.support.web.PageEnvelope;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AccessController {

    private final AccessService access;

    AccessController(AccessService access) {
        this.access = access;
    }

    @Operation(summary = "The caller's effective role on a resource and the share that grants it",
            description = "The strongest share that grants the caller access: of the resource itself (direct), of a "
                    + "folder above it (inherited) or of a collection holding it (collection); links by their audience. "
                    + "role and grantedBy are null for a member who holds none; a guest who holds none gets 404.")
    @ApiExample(response = AccessExamples.ACCESS)
    @ApiErrors(404)
    @GetMapping("/v1/resources/{id}/access")
    DataEnvelope<AccessResponse> access(CurrentUser user, @PathVariable UUID id) {
        return DataEnvelope.of(AccessResponse.of(access.of(user, id).orElse(null)));
    }

    @Operation(summary = "Every share that grants access to a resource, and how it reaches it (sharing roles), paged",
            description = "Direct shares, shares of folders above it and of collections holding it, links with their "
                    + "audience and recipients; only shares that grant now.")
    @ApiExample(response = AccessExamples.PERMISSIONS)
    @ApiErrors(value = {403, 404}, examples =
            @ErrorExample(status = 403, message = "Only the sharing roles may list who can reach a resource."))
    @GetMapping("/v1/resources/{id}/permissions")
    PageEnvelope<PermissionResponse> permissions(CurrentUser user, @PathVariable UUID id,
                                                 @RequestParam(required = false) Integer page,
                                                 @RequestParam(required = false) Integer size) {
        return PageEnvelope.of(access.permissions(user, id, PageRequest.of(page, size)).map(PermissionResponse::of));
    }
}
