package io.shareflow.api.opening;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A share as the person who opened it sees it.
 *
 * @param type      {@code person | link}
 * @param audience  a link's audience ({@code anyone | organization | users | password}); null for a direct share
 * @param name      a link's name; may be null
 * @param items     for a folder or collection its items, one level (at most {@link LinkOpener#MAX_ITEMS}); empty
 *                  for a file; never null
 * @param role      {@code viewer | downloader | contributor | manager}
 * @param expiresAt null = never
 * @param sharedAt  when the share was made
 */
public record OpenedShare(UUID shareId, String type, String audience, String name, ResourceSummary resource,
                          List<ResourceSummary> items, String role, Instant expiresAt, boolean canDownload,
                          SharedBy sharedBy, Instant sharedAt) {

    public OpenedShare {
        Objects.requireNonNull(shareId, "shareId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(resource, "resource");
        items = items == null ? List.of() : List.copyOf(items);
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(sharedBy, "sharedBy");
        Objects.requireNonNull(sharedAt, "sharedAt");
    }
}
