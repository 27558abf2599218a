package io.shareflow.api.share.model;

import java.util.UUID;

/** One entry of {@code recipients} as the client sent it: an e-mail address or a user id (exactly one is wanted). */
public record RecipientDraft(String email, UUID userId) {
}
