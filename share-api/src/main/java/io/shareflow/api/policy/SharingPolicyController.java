package io.shareflow.api.policy;

import io.shareflow.domain.PageRequest;
import io.shareflow.support.security.CurrentUser;
import io.shareflow.support.web.DataEnvelope;
import io.shareflow.support.web.PageEnvelope;
import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/sharing-policy")
class SharingPolicyController {

    private final SharingPolicyService policies;

    SharingPolicyController(SharingPolicyService policies) {
        this.policies = policies;
    }

    @GetMapping
    DataEnvelope<SharingPolicyResponse> get(CurrentUser user) {
        return DataEnvelope.of(SharingPolicyResponse.of(policies.get(user)));
    }

    @PutMapping
    DataEnvelope<SharingPolicyResponse> put(CurrentUser user, @Valid @RequestBody SharingPolicyRequest body) {
        return DataEnvelope.of(SharingPolicyResponse.of(policies.replace(user, body.toPolicy())));
    }

    @GetMapping("/history")
    PageEnvelope<PolicyChangeResponse> history(CurrentUser user, @RequestParam(required = false) Integer page,
                                               @RequestParam(required = false) Integer size) {
        return PageEnvelope.of(policies.history(user, PageRequest.of(page, size)).map(PolicyChangeResponse::of));
    }
}
