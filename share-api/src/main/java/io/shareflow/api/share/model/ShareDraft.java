package io.shareflow.api.share.model;

import java.util.List;

/**
 * A request to share a resource with people, as the client sent it (nothing validated yet; every
 * field may be null). Text fields stay text so that validation can name the field that is wrong.
 * {@code notifyRecipient} is the API's {@code notify}.
 */
public record ShareDraft(String recipientEmail, List<RecipientDraft> recipients, String assetId, String role,
                         String subject, String message, String expiresAt, Boolean notifyRecipient) {
}
