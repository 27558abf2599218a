package io.shareflow.api.share;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.shareflow.api.share.model.RecipientDraft;
import io.shareflow.api.share.model.ShareDraft;

/**
 * Body of {@code POST /v1/shares/{resourceId}}. Values stay text so that {@code ShareRules} can name
 * the field that is wrong; {@code notify} is the only typed one.
 */
record ShareRequest(String recipientEmail, List<Recipient> recipients, String assetId, String role, String subject,
                    String message, String expiresAt, @JsonProperty("notify") Boolean notifyRecipient) {

    record Recipient(String email, String userId) {
    }

    ShareDraft toDraft() {
        return new ShareDraft(recipientEmail, recipients == null ? null : recipients.stream()
                .map(r -> r == null ? null : new RecipientDraft(r.email(), r.userId())).toList(),
                assetId, role, subject, message, expiresAt, notifyRecipient);
    }
}
