package io.shareflow.api.opening.model;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A signed-in person opening a share, as their token names them (anonymous openers are {@code null}).
 *
 * @param email may be null (a token without the claim)
 * @param roles never null
 */
public record Opener(UUID userId, UUID organizationId, String email, Set<String> roles) {

    public Opener {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(organizationId, "organizationId");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
}
