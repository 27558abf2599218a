package io.shareflow.provisioner.user;

import java.util.UUID;

import io.shareflow.domain.EmailAddress;

/** Create an active user in an organisation. All fields non-null. */
record CreateUserCommand(EmailAddress email, String displayName, UUID organizationId) {
}
