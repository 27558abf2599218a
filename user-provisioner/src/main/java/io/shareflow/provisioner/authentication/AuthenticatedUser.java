package io.shareflow.provisioner.authentication;

import java.util.UUID;

import io.shareflow.provisioner.user.model.User;

/** Whom a right password belongs to, as {@code POST /v1/authentications} answers. */
record AuthenticatedUser(UUID userId, UUID organizationId, String displayName, String email) {

    static AuthenticatedUser of(User user) {
        return new AuthenticatedUser(user.id(), user.organizationId(), user.displayName(), user.email().value());
    }
}
