package io.shareflow.api.share;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.shareflow.api.share.model.RecipientDraft;
import io.shareflow.api.share.model.Role;
import io.shareflow.api.share.model.ShareDraft;
import io.shareflow.api.share.model.ShareRules;
import io.shareflow.support.validation.PlainText;
import io.shareflow.support.validation.ValidEmail;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code POST /v1/shares/{resourceId}}, each field checked on its own: by its type (a value that is not
 * a UUID, an ISO-8601 date-time with offset or a boolean is a 400 naming the field) and by Bean Validation.
 * What needs several fields or stored data (some recipient, {@code email} or {@code userId} per entry, the
 * recipient limits, user ids, the resource) is {@link ShareRules}'.
 */
record ShareRequest(
        @ValidEmail String recipientEmail,
        List<@Valid Recipient> recipients,
        UUID assetId,
        @Pattern(regexp = "viewer|downloader|contributor|manager",
                message = "must be one of viewer, downloader, contributor, manager") String role,
        @PlainText(max = ShareRules.MAX_SUBJECT_LENGTH) String subject,
        @PlainText(max = ShareRules.MAX_MESSAGE_LENGTH, multiline = true) String message,
        @Future Instant expiresAt,
        @JsonProperty("notify") Boolean notifyRecipient,
        Boolean requireSignIn) {

    /** One entry of {@code recipients}: an address or a user id (exactly one, checked by {@link ShareRules}). */
    record Recipient(@ValidEmail String email, UUID userId) {
    }

    /** The request for the domain; call it on a validated request only. */
    ShareDraft toDraft() {
        return new ShareDraft(recipientEmail, recipients == null ? null : recipients.stream()
                .map(r -> r == null ? null : new RecipientDraft(r.email(), r.userId())).toList(),
                assetId, role == null ? null : Role.parse(role).orElseThrow(), subject, message, expiresAt,
                notifyRecipient, requireSignIn);
    }
}
