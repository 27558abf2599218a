package io.shareflow.api.opening.model;

import java.util.UUID;

/**
 * A recipient listed on a link (for audience {@code users}: who may open it).
 *
 * @param email  not null
 * @param userId when it was named by user id (or is known to be that user); else null
 */
public record ListedRecipient(String email, UUID userId) {
}
