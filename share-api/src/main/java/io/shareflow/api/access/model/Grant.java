package io.shareflow.api.access.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A share that grants someone a role on a resource, and how it reaches it.
 *
 * @param shareId    the share
 * @param resourceId the resource the share is of: the resource itself ({@link Via#DIRECT}), a folder above it
 *                   ({@link Via#INHERITED}) or a collection ({@link Via#COLLECTION})
 * @param shareType  {@code person | link}
 * @param audience   a link's audience ({@code anyone | organization | users | password}); null for a direct share
 * @param role       {@code viewer | downloader | contributor | manager}
 * @param depth      0 for the resource itself, 1 for its folder, ...; for a collection, the level of the item it
 *                   holds (0: the resource itself is the item)
 * @param expiresAt  null = never
 */
public record Grant(UUID shareId, UUID resourceId, String shareType, String audience, String role, Via via, int depth,
                    Instant expiresAt) {

    public Grant {
        Objects.requireNonNull(shareId, "shareId");
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(shareType, "shareType");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(via, "via");
    }
}
