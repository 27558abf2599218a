package io.shareflow.provisioner.user;

import java.time.Instant;
import java.util.UUID;

import io.shareflow.provisioner.user.model.User;

/** A user as the REST API shows it. {@code displayName} is null for a user who has not registered yet. */
public record UserResponse(UUID id, String email, UUID organizationId, String status, String displayName,
                           Instant createdAt, Instant updatedAt) {

    public static UserResponse of(User user) {
        return new UserResponse(user.id(), user.email().value(), user.organizationId(), user.status().name(),
                user.displayName(), user.createdAt(), user.updatedAt());
    }
}
