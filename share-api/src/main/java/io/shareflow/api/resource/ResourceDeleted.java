package io.shareflow.api.resource;

import java.util.Objects;
import java.util.UUID;

/**
 * A resource was deleted (softly: it is no longer found or listed). Published with Spring's
 * {@code ApplicationEventPublisher} inside the delete's transaction, synchronously: a listener that fails rolls the
 * delete back. The {@code share} feature revokes the resource's shares on it.
 *
 * @param resourceId     the deleted resource; not null
 * @param organizationId its organisation; not null
 * @param deletedBy      the user who deleted it; not null
 */
public record ResourceDeleted(UUID resourceId, UUID organizationId, UUID deletedBy) {

    public ResourceDeleted {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(deletedBy, "deletedBy");
    }
}
