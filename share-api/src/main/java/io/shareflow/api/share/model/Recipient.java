package io.shareflow.api.share.model;

import java.util.Objects;
import java.util.UUID;

/**
 * A person a resource is shared with.
 *
 * @param email  as given (or as the directory has it for a user id); compared case-insensitively
 * @param userId the known user the sharer named; null when only an address was given
 * @param name   the user's display name as the directory replica knows it; null when unknown or no user id was named
 * @param field  where the request first named them (e.g. {@code recipients[2].userId}), for refusals; null when not
 *               from a request
 */
public record Recipient(String email, UUID userId, String name, String field) {

    public Recipient {
        Objects.requireNonNull(email, "email");
    }

    /** A recipient by address (and user id), not from a request. */
    public Recipient(String email, UUID userId) {
        this(email, userId, null, null);
    }
}
