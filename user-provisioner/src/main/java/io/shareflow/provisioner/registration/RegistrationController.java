package io.shareflow.provisioner.registration;

import io.shareflow.provisioner.user.UserResponse;
import io.shareflow.support.web.DataEnvelope;
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

    @PostMapping("/v1/registrations/{token}")
    DataEnvelope<UserResponse> register(@PathVariable TokenInPath token,
                                        @Valid @RequestBody RegistrationRequest request) {
        return DataEnvelope.of(UserResponse.of(
                registrations.register(token.value(), request.displayName().strip(), request.password())));
    }
}
