package io.shareflow.api.resource;

import java.util.UUID;

/**
 * A resource was deleted (softly: it stays in the table with {@code deleted_at}), published with Spring's
 * {@code ApplicationEventPublisher} inside the delete's transaction, so that whatever listens (the shares of the
 * resource are revoked) happens in the same transaction. None of the fields is null.
 *
 * @param deletedBy the user who deleted it
 */
public record ResourceDeleted(UUID resourceId, UUID organizationId, UUID deletedBy) {
}
