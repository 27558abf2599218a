package io.shareflow.provisioner.organization;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An organisation (a tenant): every user belongs to one.
 *
 * @param id        never null
 * @param name      never null
 * @param createdAt never null
 */
public record Organization(UUID id, String name, Instant createdAt) {

    public Organization {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    static Organization create(String name, Instant now) {
        return new Organization(UUID.randomUUID(), name, now);
    }
}
