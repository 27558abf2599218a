package io.shareflow.provisioner.authentication;

import io.shareflow.support.web.DataEnvelope;
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

    @PostMapping("/v1/authentications")
    DataEnvelope<AuthenticatedUser> authenticate(@Valid @RequestBody AuthenticationRequest request) {
        return DataEnvelope.of(authentications.authenticate(request.email(), request.password()));
    }
}
