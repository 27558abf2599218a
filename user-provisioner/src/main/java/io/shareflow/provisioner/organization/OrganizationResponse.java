package io.shareflow.provisioner.organization;

import java.util.UUID;

record OrganizationResponse(UUID id, String name) {

    static OrganizationResponse of(Organization organization) {
        return new OrganizationResponse(organization.id(), organization.name());
    }
}
