package io.shareflow.provisioner.registration;

import io.shareflow.support.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The name and password a new user chooses. The password's rules need the account (it must not be the user's
 * address), so they are checked by {@link RegistrationService} with the token ({@code PasswordChoice}); Bean
 * Validation only requires it, so that no refused password is ever echoed as a "rejected value" in a log line.
 * {@code toString} hides the password.
 */
public record RegistrationRequest(
        @NotBlank @PlainText(max = 200) String displayName,
        @NotNull String password) {

    @Override
    public String toString() {
        return "RegistrationRequest[displayName=" + displayName + ", password=***]";
    }
}
