package io.shareflow.api.share.model;

/** One entry of {@code recipients} as the client sent it: an e-mail address or a user id. */
public record RecipientDraft(String email, String userId) {
}
