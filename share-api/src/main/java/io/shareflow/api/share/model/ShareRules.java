package io.shareflow.api.share.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import io.shareflow.domain.InvalidRequest;
import io.shareflow.domain.RefusedRequest;
import io.shareflow.domain.StoredTime;
import io.shareflow.domain.Texts;
import io.shareflow.api.resource.model.Resource;

/**
 * The rules of sharing a resource with people, in the order they are checked: the request's own
 * fields ({@link #validate}, 400), then its recipients ({@link #resolveRecipients}, 400), then the
 * business rules ({@link #checkResource}, {@link #checkRecipientOrganizations}, 422).
 */
public final class ShareRules {

    public static final int MAX_RECIPIENTS = 100;
    /** Entries accepted before de-duplication, so a huge list is refused before any lookup. */
    public static final int MAX_RECIPIENT_ENTRIES = 1000;
    public static final int MAX_SUBJECT_LENGTH = 200;
    public static final int MAX_MESSAGE_LENGTH = 2000;

    private ShareRules() {
    }

    /**
     * Checks every field on its own.
     *
     * @param now the current time, for {@code expiresAt}
     * @throws InvalidRequest naming the first offending field
     */
    public static ValidShareRequest validate(ShareDraft draft, Instant now) {
        if (draft == null) {
            throw new InvalidRequest("body", "must not be empty");
        }
        List<RecipientRef> recipients = recipientRefs(draft);
        UUID assetId = Texts.uuid("assetId", draft.assetId());
        Role role = draft.role() == null ? Role.VIEWER : Role.parse(draft.role()).orElseThrow(
                () -> new InvalidRequest("role", "must be one of viewer, downloader, contributor, manager"));
        return new ValidShareRequest(recipients, assetId, role, subject(draft.subject()), message(draft.message()),
                expiresAt(draft.expiresAt(), now), draft.notifyRecipient() == null || draft.notifyRecipient());
    }

    /**
     * Turns user ids into addresses and removes duplicates (case-insensitively, keeping the first
     * occurrence's spelling and any user id named for the same address).
     *
     * @param userEmailInOrganization the address of a user of the caller's organisation, empty if
     *                                there is no such user there
     * @throws InvalidRequest for an unknown user id or more than {@value #MAX_RECIPIENTS} recipients
     */
    public static List<Recipient> resolveRecipients(List<RecipientRef> refs,
                                                    Function<UUID, Optional<String>> userEmailInOrganization) {
        Map<String, Recipient> byAddress = new LinkedHashMap<>();
        for (RecipientRef ref : refs) {
            Recipient recipient = ref.userId() == null
                    ? new Recipient(ref.email(), null)
                    : new Recipient(userEmailInOrganization.apply(ref.userId()).orElseThrow(() -> new InvalidRequest(
                            ref.field(), "is not a user of your organisation")), ref.userId());
            byAddress.merge(EmailAddresses.normalized(recipient.email()), recipient,
                    (first, later) -> first.userId() != null ? first : new Recipient(first.email(), later.userId()));
        }
        if (byAddress.size() > MAX_RECIPIENTS) {
            throw new InvalidRequest("recipients", "must not name more than " + MAX_RECIPIENTS + " distinct recipients");
        }
        return List.copyOf(byAddress.values());
    }

    /**
     * The resource-level rules: only shareable document types, and the asset named must be the resource's.
     *
     * @param assetId the asset the sharer named; null when none
     * @throws RefusedRequest when a rule refuses the share
     */
    public static void checkResource(Resource resource, UUID assetId) {
        if (!resource.isShareable()) {
            throw new RefusedRequest("Operation not allowed for this entity type.", Map.of("entityType", "Document"));
        }
        if (assetId != null && !assetId.equals(resource.assetId())) {
            throw new RefusedRequest("The resource does not belong to the given asset.",
                    Map.of("assetId", assetId.toString()));
        }
    }

    /**
     * Refuses recipients who are users of another organisation.
     *
     * @param organizationsByAddress organisations of the known users per lower-case address
     * @throws RefusedRequest naming the first such recipient
     */
    public static void checkRecipientOrganizations(UUID organizationId, List<Recipient> recipients,
                                                   Map<String, Set<UUID>> organizationsByAddress) {
        for (Recipient recipient : recipients) {
            Set<UUID> organizations = organizationsByAddress.getOrDefault(
                    EmailAddresses.normalized(recipient.email()), Set.of());
            if (organizations.stream().anyMatch(org -> !org.equals(organizationId))) {
                throw new RefusedRequest("The recipient is a user of another organisation.",
                        Map.of("recipientEmail", recipient.email()));
            }
        }
    }

    private static List<RecipientRef> recipientRefs(ShareDraft draft) {
        List<RecipientRef> refs = new ArrayList<>();
        if (draft.recipientEmail() != null) {
            refs.add(new RecipientRef("recipientEmail", email("recipientEmail", draft.recipientEmail()), null));
        }
        List<RecipientDraft> entries = draft.recipients() == null ? List.of() : draft.recipients();
        if (refs.size() + entries.size() > MAX_RECIPIENT_ENTRIES) {
            throw new InvalidRequest("recipients", "must not name more than " + MAX_RECIPIENTS + " distinct recipients");
        }
        for (int i = 0; i < entries.size(); i++) {
            String field = "recipients[" + i + "]";
            RecipientDraft entry = entries.get(i);
            if (entry == null || (entry.email() == null) == (entry.userId() == null)) {
                throw new InvalidRequest(field, "must have either email or userId");
            }
            refs.add(entry.email() != null
                    ? new RecipientRef(field + ".email", email(field + ".email", entry.email()), null)
                    : new RecipientRef(field + ".userId", null, requiredUuid(field + ".userId", entry.userId())));
        }
        if (refs.isEmpty()) {
            throw new InvalidRequest("recipients", "at least one recipient is required (recipientEmail or recipients)");
        }
        return refs;
    }

    private static String email(String field, String value) {
        String address = value.strip();
        if (!EmailAddresses.isValid(address)) {
            throw new InvalidRequest(field, "must be a valid e-mail address");
        }
        return address;
    }

    private static UUID requiredUuid(String field, String value) {
        UUID id = Texts.uuid(field, value);
        if (id == null) {
            throw new InvalidRequest(field, "must be a UUID");
        }
        return id;
    }

    private static String subject(String value) {
        String subject = Texts.blankToNull(value);
        if (subject == null) {
            return null;
        }
        if (Texts.length(subject) > MAX_SUBJECT_LENGTH) {
            throw new InvalidRequest("subject", "must be at most " + MAX_SUBJECT_LENGTH + " characters");
        }
        if (Texts.hasControlCharacters(subject, false)) {
            throw new InvalidRequest("subject", "must not contain control characters or line breaks");
        }
        return subject;
    }

    private static String message(String value) {
        String message = Texts.blankToNull(value);
        if (message == null) {
            return null;
        }
        // Clients on Windows send CRLF; the message is plain text, so keep the line break, drop the CR.
        message = message.replace("\r\n", "\n");
        if (Texts.length(message) > MAX_MESSAGE_LENGTH) {
            throw new InvalidRequest("message", "must be at most " + MAX_MESSAGE_LENGTH + " characters");
        }
        if (Texts.hasControlCharacters(message, true)) {
            throw new InvalidRequest("message", "must not contain control characters other than newline and tab");
        }
        return message;
    }

    private static Instant expiresAt(String value, Instant now) {
        if (value == null) {
            return null;
        }
        Instant expiresAt;
        try {
            expiresAt = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequest("expiresAt", "must be an ISO-8601 date-time with offset, e.g. 2027-01-31T00:00:00Z");
        }
        if (!expiresAt.isAfter(Objects.requireNonNull(now, "now"))) {
            throw new InvalidRequest("expiresAt", "must be in the future");
        }
        return StoredTime.of(expiresAt);
    }
}
