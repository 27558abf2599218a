package io.shareflow.provisioner.registration;

import io.shareflow.support.validation.PlainText;
import jakarta.validation.constraints.NotBlank;

/** The name and password a new user chooses. {@code toString} hides the password. */
record RegistrationRequest(
        @NotBlank @PlainText(max = 200) String displayName,
        @AcceptablePassword String password) {

    @Override
    public String toString() {
        return "RegistrationRequest[displayName=" + displayName + ", password=***]";
    }
}
