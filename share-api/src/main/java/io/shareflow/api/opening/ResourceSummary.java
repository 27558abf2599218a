package io.shareflow.api.opening;

import java.util.Objects;
import java.util.UUID;

/**
 * A resource as a recipient sees it.
 *
 * @param kind         {@code file | folder | collection}
 * @param documentType {@code asset-document | maintenance-file | internal} for files; null otherwise
 */
public record ResourceSummary(UUID id, String name, String kind, String documentType) {

    public ResourceSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }
}
