package io.shareflow.provisioner.registration;

import io.shareflow.provisioner.user.UserResponse;
import io.shareflow.support.openapi.ApiErrors;
import io.shareflow.support.openapi.ApiExample;
import io.shareflow.support.openapi.ApiPublic;
import io.shareflow.support.openapi.ErrorExample;
import io.shareflow.support.web.DataEnvelope;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Registration of a user created for a share. Public (no bearer token): the token in the path is the
 * credential. Unknown token 404; used, replaced or expired token, or a user who has registered already, 410; a
 * password the rules refuse 400 naming {@code password}; too many failed uses of the token 429.
 */
@RestController
class RegistrationController {

    private final RegistrationService registrations;

    RegistrationController(RegistrationService registrations) {
        this.registrations = registrations;
    }

    @Operation(summary = "Finish a registration: the token from the e-mail is the credential (no bearer)",
            description = "Activates the user with this display name and password, publishes UserActivated.")
    @ApiPublic
    @ApiExample(request = RegistrationExamples.REGISTER_REQUEST, response = RegistrationExamples.REGISTERED)
    @ApiErrors(value = {404, 410, 429}, examples = {
            @ErrorExample(status = 400, message = "Invalid value for password: must be at least 8 characters long.",
                    extension = """
                            {"field": "password"}"""),
            @ErrorExample(status = 404, message = "Registration token not found."),
            @ErrorExample(status = 410, name = "Used", message = "This registration link has already been used."),
            @ErrorExample(status = 410, name = "Expired", message = "This registration link has expired."),
            @ErrorExample(status = 429, message = "Too many failed attempts with this registration link; try again later.")})
    @PostMapping("/v1/registrations/{token}")
    DataEnvelope<UserResponse> register(@PathVariable TokenInPath token,
                                        @Valid @RequestBody RegistrationRequest request) {
        return DataEnvelope.of(UserResponse.of(
                registrations.register(token.value(), request.displayName().strip(), request.password())));
    }
}
