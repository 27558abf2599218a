package io.shareflow.api.share.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.shareflow.domain.InvalidRequest;
import io.shareflow.domain.PasswordPolicy;
import io.shareflow.domain.StoredTime;
import io.shareflow.domain.Texts;

/**
 * The rules of a link request that go beyond a single field (each field on its own is checked at the web edge), in
 * the order they are checked; all 400, naming the field. The recipients, the resource and the organisations are then
 * checked as for direct shares ({@link ShareRules#resolveRecipients}, {@link ShareRules#checkResource},
 * {@link ShareRules#checkRecipientOrganizations}).
 */
public final class LinkRules {

    public static final int MIN_DURATION_HOURS = 1;
    public static final int MAX_DURATION_HOURS = 8760;
    public static final int MAX_NAME_LENGTH = 255;
    /** A link grants at most downloading: contributing or managing needs a person. */
    public static final Set<Role> LINK_ROLES = Set.of(Role.VIEWER, Role.DOWNLOADER);

    private LinkRules() {
    }

    /**
     * Checks what involves several fields: an audience; a role a link may grant; a password exactly for audience
     * {@code password}, acceptable to {@link PasswordPolicy}; {@code expiresAt} or {@code durationHours}, not both;
     * recipients ({@code {email}} or {@code {userId}} each) required for audience {@code users}. Returns the request
     * in its normal form: role {@code viewer} and {@code notify} by default, the expiry as an instant to the
     * millisecond ({@code now + durationHours}), blank name, subject and message as none, CRLF in the message as LF.
     *
     * @param draft a request whose fields are valid on their own
     * @param now   the time of the request, for {@code durationHours}
     * @throws InvalidRequest naming the first offending field
     */
    public static ValidLinkRequest validate(LinkDraft draft, Instant now) {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(now, "now");
        Audience audience = draft.audience();
        if (audience == null) {
            throw new InvalidRequest("audience", "is required: one of anyone, organization, users, password");
        }
        Role role = draft.role() == null ? Role.VIEWER : draft.role();
        if (!LINK_ROLES.contains(role)) {
            throw new InvalidRequest("role", "must be one of viewer, downloader");
        }
        if (audience == Audience.PASSWORD) {
            PasswordPolicy.violation(draft.password()).ifPresent(violation -> {
                throw new InvalidRequest("password", violation);
            });
        } else if (draft.password() != null) {
            throw new InvalidRequest("password", "is only for audience password");
        }
        Instant expiresAt = expiresAt(draft, now);
        List<RecipientRef> recipients = ShareRules.recipientRefs(draft.recipients());
        if (audience == Audience.USERS && recipients.isEmpty()) {
            throw new InvalidRequest("recipients", "at least one recipient is required for audience users");
        }
        return new ValidLinkRequest(audience, role, draft.password(), expiresAt, Texts.blankToNull(draft.name()),
                recipients, Texts.blankToNull(draft.subject()), ShareRules.message(draft.message()),
                draft.notifyRecipient() == null || draft.notifyRecipient());
    }

    private static Instant expiresAt(LinkDraft draft, Instant now) {
        if (draft.durationHours() != null) {
            if (draft.expiresAt() != null) {
                throw new InvalidRequest("durationHours", "must not be given with expiresAt (they are alternatives)");
            }
            int hours = draft.durationHours();
            if (hours < MIN_DURATION_HOURS || hours > MAX_DURATION_HOURS) {
                throw new InvalidRequest("durationHours",
                        "must be between " + MIN_DURATION_HOURS + " and " + MAX_DURATION_HOURS);
            }
            return StoredTime.of(now.plus(Duration.ofHours(hours)));
        }
        Instant expiresAt = StoredTime.of(draft.expiresAt());
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new InvalidRequest("expiresAt", "must be a future date");
        }
        return expiresAt;
    }
}
