package io.shareflow.provisioner.authentication;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An e-mail address and a password to check. The address need not be valid (an invalid one simply matches nobody:
 * the same 401). The password is only required, so that Bean Validation never echoes it as a "rejected value" in a
 * log line. {@code toString} hides the password.
 */
record AuthenticationRequest(@NotBlank @Size(max = 320) String email, @NotNull String password) {

    @Override
    public String toString() {
        return "AuthenticationRequest[email=" + email + ", password=***]";
    }
}
