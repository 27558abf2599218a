package io.shareflow.provisioner.user.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import io.shareflow.domain.EmailAddress;

/**
 * A user account. Every user belongs to exactly one organisation for life.
 *
 * @param id             never null
 * @param organizationId never null
 * @param email          never null; unique ignoring case
 * @param displayName    null until the person registers (for users created for a share)
 * @param status         never null
 * @param createdAt      never null
 * @param updatedAt      never null; the time of the last change
 */
public record User(UUID id, UUID organizationId, EmailAddress email, String displayName, UserStatus status,
                   Instant createdAt, Instant updatedAt) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A user an administrator creates: active at once (signing in is the identity provider's job). */
    public static User active(UUID organizationId, EmailAddress email, String displayName, Instant now) {
        return new User(UUID.randomUUID(), organizationId, email, displayName, UserStatus.ACTIVE, now, now);
    }

    /** A user created for the recipient of a share: deactivated until the person registers. */
    public static User invited(UUID organizationId, EmailAddress email, Instant now) {
        return new User(UUID.randomUUID(), organizationId, email, null, UserStatus.DEACTIVATED, now, now);
    }

    public boolean belongsTo(UUID organization) {
        return organizationId.equals(organization);
    }

    public boolean isActive() {
        return status == UserStatus.ACTIVE;
    }

    /**
     * The same user after registration.
     *
     * @throws IllegalStateException if the user is already active
     */
    public User activate(String chosenDisplayName, Instant now) {
        if (isActive()) {
            throw new IllegalStateException("User " + id + " is already active");
        }
        return new User(id, organizationId, email, Objects.requireNonNull(chosenDisplayName, "chosenDisplayName"),
                UserStatus.ACTIVE, createdAt, now);
    }
}
