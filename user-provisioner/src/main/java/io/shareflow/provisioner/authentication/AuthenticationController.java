package io.shareflow.provisioner.authentication;

import io.shareflow.support.openapi.ApiErrors;
import io.shareflow.support.openapi.ApiExample;
import io.shareflow.support.openapi.ErrorExample;
import io.shareflow.support.web.DataEnvelope;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/authentications}: checks a registered user's password for the platform's sign-in. Only for callers
 * with the {@code admin} role — the platform's identity service (the security rules); 200 with the user, 401 for any
 * refusal, 429 when the address has failed too often.
 */
@RestController
class AuthenticationController {

    private final AuthenticationService authentications;

    AuthenticationController(AuthenticationService authentications) {
        this.authentications = authentications;
    }

    @Operation(summary = "Check a registered user's password, for the platform's sign-in (admin callers only)")
    @ApiExample(request = AuthenticationExamples.REQUEST, response = AuthenticationExamples.AUTHENTICATED)
    @ApiErrors(value = {403, 429}, field = "email", examples = {
            @ErrorExample(status = 401, name = "WrongPassword", message = "The e-mail address or the password is not right."),
            @ErrorExample(status = 401, name = "NoToken",
                    message = "Authentication required: send a bearer token in the Authorization header."),
            @ErrorExample(status = 429,
                    message = "Too many failed sign-in attempts for this e-mail address; try again later.")})
    @PostMapping("/v1/authentications")
    DataEnvelope<AuthenticatedUser> authenticate(@Valid @RequestBody AuthenticationRequest request) {
        return DataEnvelope.of(authentications.authenticate(request.email(), request.password()));
    }
}
