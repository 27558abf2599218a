package io.shareflow.api.share.model;

import java.util.UUID;

/**
 * A syntactically valid recipient, not yet resolved: exactly one of {@code email} and {@code userId}.
 *
 * @param field where it was in the request, e.g. {@code recipients[2].userId}, for error messages
 */
public record RecipientRef(String field, String email, UUID userId) {

    public RecipientRef {
        if ((email == null) == (userId == null)) {
            throw new IllegalArgumentException("exactly one of email and userId");
        }
    }
}
