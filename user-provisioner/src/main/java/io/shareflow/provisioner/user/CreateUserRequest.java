package io.shareflow.provisioner.user;

import java.util.UUID;

import io.shareflow.support.validation.PlainText;
import io.shareflow.support.validation.ValidEmail;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

record CreateUserRequest(
        @NotBlank @ValidEmail String email,
        @NotBlank @PlainText(max = 200) String displayName,
        @NotNull UUID organizationId) {
}
