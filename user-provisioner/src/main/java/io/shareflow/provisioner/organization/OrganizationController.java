package io.shareflow.provisioner.organization;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;

import io.shareflow.domain.NotFound;
import io.shareflow.support.openapi.ApiErrors;
import io.shareflow.support.openapi.ApiExample;
import io.shareflow.support.openapi.ErrorExample;
import io.shareflow.support.security.CurrentUser;
import io.shareflow.support.web.DataEnvelope;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Organisations: created by the platform operator ({@code admin}, enforced by the security rules). */
@RestController
@RequestMapping("/v1/organizations")
class OrganizationController {

    private final Organizations organizations;
    private final Clock clock;

    OrganizationController(Organizations organizations, Clock clock) {
        this.organizations = organizations;
        this.clock = clock;
    }

    @Operation(summary = "Create an organisation (admin)")
    @ApiExample(status = 201, request = OrganizationExamples.CREATE_REQUEST, response = OrganizationExamples.ORGANIZATION)
    @ApiErrors(value = 403, field = "name")
    @PostMapping
    ResponseEntity<DataEnvelope<OrganizationResponse>> create(@Valid @RequestBody CreateOrganizationRequest request) {
        Organization organization = Organization.create(request.name().strip(), clock.instant());
        organizations.insert(organization);
        return ResponseEntity.created(URI.create("/v1/organizations/" + organization.id()))
                .body(DataEnvelope.of(OrganizationResponse.of(organization)));
    }

    /** The caller's own organisation, or any for {@code admin}; others are 404 as if they did not exist. */
    @Operation(summary = "The caller's organisation (any for admin); others are 404")
    @ApiExample(response = OrganizationExamples.ORGANIZATION)
    @ApiErrors(value = 404, examples = @ErrorExample(status = 404, message = "Organisation not found."))
    @GetMapping("/{id}")
    DataEnvelope<OrganizationResponse> get(@PathVariable UUID id, CurrentUser caller) {
        return organizations.findById(id)
                .filter(organization -> caller.hasAnyRole("admin") || organization.id().equals(caller.organizationId()))
                .map(organization -> DataEnvelope.of(OrganizationResponse.of(organization)))
                .orElseThrow(() -> new NotFound("Organisation not found."));
    }
}
