package io.shareflow.provisioner.registration;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import io.shareflow.provisioner.registration.model.Inviter;
import io.shareflow.support.openapi.ApiErrors;
import io.shareflow.support.openapi.ApiExample;
import io.shareflow.support.openapi.ErrorExample;
import io.shareflow.support.security.CurrentUser;
import io.shareflow.support.web.DataEnvelope;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Re-invite a user who has not registered: {@code admin} any user, {@code producer-admin} the users of its own
 * organisation (the role is the security rules'; another organisation's user is 404 as if it did not exist). 202: the
 * e-mail goes out asynchronously; the body never holds the token.
 */
@RestController
class InvitationController {

    private static final String ADMIN = "admin";

    private final ReinviteService reinvites;

    InvitationController(ReinviteService reinvites) {
        this.reinvites = reinvites;
    }

    @Operation(summary = "Send a deactivated user a new registration link; the old one stops working",
            description = "admin, or producer-admin of the user's organisation.")
    @ApiExample(status = 202, response = RegistrationExamples.REINVITED)
    @ApiErrors(value = {403, 404, 409}, examples = @ErrorExample(status = 409,
            message = "This user has registered already (status ACTIVE): there is no registration to finish."))
    @PostMapping("/v1/users/{id}/invitations")
    ResponseEntity<DataEnvelope<InvitationResponse>> reinvite(@PathVariable UUID id, CurrentUser caller) {
        ReinviteService.Reinvited reinvited = reinvites.reinvite(id,
                caller.hasAnyRole(ADMIN) ? null : caller.organizationId(), new Inviter(caller.name(), caller.email()));
        return ResponseEntity.accepted().location(URI.create("/v1/users/" + id))
                .body(DataEnvelope.of(new InvitationResponse(reinvited.user().id(), reinvited.user().email().value(),
                        reinvited.user().status().name(), reinvited.expiresAt())));
    }

    /** What a re-invite answers: the user and until when the new link works; never the link. */
    record InvitationResponse(UUID userId, String email, String status, Instant registrationExpiresAt) {
    }
}
