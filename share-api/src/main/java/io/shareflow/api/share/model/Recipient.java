package io.shareflow.api.share.model;

import java.util.Objects;
import java.util.UUID;

/**
 * A person a resource is shared with.
 *
 * @param email  as given (or as the directory has it for a user id); compared case-insensitively
 * @param userId the known user the sharer named; null when only an address was given
 */
public record Recipient(String email, UUID userId) {

    public Recipient {
        Objects.requireNonNull(email, "email");
    }
}
