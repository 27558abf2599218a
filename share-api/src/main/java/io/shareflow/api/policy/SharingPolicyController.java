package io.shareflow.api.policy;

import io.shareflow.domain.PageRequest;
import io.shareflow.support.openapi.ApiErrors;
import io.shareflow.support.openapi.ApiExample;
import io.shareflow.support.openapi.ErrorExample;
import io.shareflow.support.security.CurrentUser;
import io.shareflow.support.web.DataEnvelope;
import io.shareflow.support.web.PageEnvelope;
import io.swagger.v3.oas.annotations.Operation;
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

    @Operation(summary = "The organisation's sharing policy (any member); the default allows everything")
    @ApiExample(response = SharingPolicyExamples.POLICY)
    @ApiErrors(404)
    @GetMapping
    DataEnvelope<SharingPolicyResponse> get(CurrentUser user) {
        return DataEnvelope.of(SharingPolicyResponse.of(policies.get(user)));
    }

    @Operation(summary = "Replace the organisation's sharing policy (admin, producer-admin)",
            description = "The whole policy: an absent field takes its default (maxRole manager, any domain, every link "
                    + "audience, no maximum expiry). requireExpiry needs maxExpiryDays. It applies to shares, links and "
                    + "changes made from now on; the change is recorded in the history.")
    @ApiExample(request = SharingPolicyExamples.PUT_REQUEST, response = SharingPolicyExamples.POLICY)
    @ApiErrors(value = {403, 404}, field = "maxExpiryDays", examples =
            @ErrorExample(status = 403, message = "Only admin and producer-admin may change the sharing policy."))
    @PutMapping
    DataEnvelope<SharingPolicyResponse> put(CurrentUser user, @Valid @RequestBody SharingPolicyRequest body) {
        return DataEnvelope.of(SharingPolicyResponse.of(policies.replace(user, body.toPolicy())));
    }

    @Operation(summary = "The changes of the organisation's sharing policy, newest first, paged (any member)")
    @ApiExample(response = SharingPolicyExamples.HISTORY)
    @ApiErrors(404)
    @GetMapping("/history")
    PageEnvelope<PolicyChangeResponse> history(CurrentUser user, @RequestParam(required = false) Integer page,
                                               @RequestParam(required = false) Integer size) {
        return PageEnvelope.of(policies.history(user, PageRequest.of(page, size)).map(PolicyChangeResponse::of));
    }
}
