package io.shareflow.provisioner.organization;

import io.shareflow.support.validation.PlainText;
import jakarta.validation.constraints.NotBlank;

record CreateOrganizationRequest(@NotBlank @PlainText(max = 200) String name) {
}
