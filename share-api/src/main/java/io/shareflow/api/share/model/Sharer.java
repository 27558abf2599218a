package io.shareflow.api.share.model;

import java.util.Objects;
import java.util.UUID;

/** The signed-in user who shares, as the token describes them. */
public record Sharer(UUID userId, UUID organizationId, String name, String email) {

    public Sharer {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
    }
}
