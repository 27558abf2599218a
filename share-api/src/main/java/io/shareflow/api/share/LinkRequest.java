package io.shareflow.api.share;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.shareflow.api.share.model.Audience;
import io.shareflow.api.share.model.LinkDraft;
import io.shareflow.api.share.model.LinkRules;
import io.shareflow.api.share.model.RecipientDraft;
import io.shareflow.api.share.model.Role;
import io.shareflow.api.share.model.ShareRules;
import io.shareflow.support.validation.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code POST /v1/shares/{resourceId}/links}, each field checked on its own: by its type (a value that is not
 * a number, a UUID, an ISO-8601 date-time with offset or a boolean is a 400 naming the field) and by Bean Validation.
 * What needs several fields (an audience, the password exactly for audience {@code password} and its length,
 * {@code expiresAt} or {@code durationHours}, recipients for audience {@code users}) is {@link LinkRules}'; the
 * recipients as for direct shares ({@link ShareRules}).
 *
 * @param password never logged (see {@link #toString()}); stored only as a BCrypt hash
 */
record LinkRequest(
        @Pattern(regexp = "anyone|organization|users|password",
                message = "must be one of anyone, organization, users, password") String audience,
        @Pattern(regexp = "viewer|downloader", message = "must be one of viewer, downloader") String role,
        String password,
        @Future Instant expiresAt,
        @Min(LinkRules.MIN_DURATION_HOURS) @Max(LinkRules.MAX_DURATION_HOURS) Integer durationHours,
        @PlainText(max = LinkRules.MAX_NAME_LENGTH) String name,
        List<ShareRequest.@Valid Recipient> recipients,
        @JsonProperty("notify") Boolean notifyRecipient,
        @PlainText(max = ShareRules.MAX_SUBJECT_LENGTH) String subject,
        @PlainText(max = ShareRules.MAX_MESSAGE_LENGTH, multiline = true) String message) {

    /** The request for the domain; call it on a validated request only. */
    LinkDraft toDraft() {
        return new LinkDraft(audience == null ? null : Audience.parse(audience).orElseThrow(),
                role == null ? null : Role.parse(role).orElseThrow(), password, expiresAt, durationHours, name,
                recipients == null ? null : recipients.stream()
                        .map(r -> r == null ? null : new RecipientDraft(r.email(), r.userId())).toList(),
                subject, message, notifyRecipient);
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "LinkRequest[audience=" + audience + ", role=" + role + ", password="
                + (password == null ? "none" : "***") + ", expiresAt=" + expiresAt + ", durationHours="
                + durationHours + "]";
    }
}
