package io.shareflow.api.access;

import java.util.UUID;

import io.shareflow.domain.PageRequest;
import io.shareflow.support.security.CurrentUser;
import io.shareflow.support.web.DataEnvelope;
import io.shareflow.support.web.PageEnvelope;

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

    @GetMapping("/v1/resources/{id}/access")
    DataEnvelope<AccessResponse> access(CurrentUser user, @PathVariable UUID id) {
        return DataEnvelope.of(AccessResponse.of(access.of(user, id).orElse(null)));
    }

    @GetMapping("/v1/resources/{id}/permissions")
    PageEnvelope<PermissionResponse> permissions(CurrentUser user, @PathVariable UUID id,
                                                 @RequestParam(required = false) Integer page,
                                                 @RequestParam(required = false) Integer size) {
        return PageEnvelope.of(access.permissions(user, id, PageRequest.of(page, size)).map(PermissionResponse::of));
    }
}
