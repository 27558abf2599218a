package io.shareflow.provisioner.registration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The name and password a new user chooses. {@code toString} hides the password. */
record RegistrationRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
        String displayName,
        @AcceptablePassword String password) {

    @Override
    public String toString() {
        return "RegistrationRequest[displayName=" + displayName + ", password=***]";
    }
}
