package io.shareflow.api.share.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import io.shareflow.api.resource.model.Resource;
import io.shareflow.domain.EmailAddress;
import io.shareflow.domain.InvalidRequest;
import io.shareflow.domain.RefusedRequest;
import io.shareflow.domain.StoredTime;
import io.shareflow.domain.Texts;

/**
 * The rules of sharing a resource with people that go beyond a single field (each field on its own is checked
 * at the web edge, by Bean Validation on the request), in the order they are checked: the request as a whole
 * ({@link #validate}, 400), then its recipients ({@link #resolveRecipients}: user ids 422, their number 400), then the
 * business rules ({@link #checkResource}, {@link #checkRecipientOrganizations}, 422); the organisation's sharing
 * policy last (the {@code policy} feature's {@code SharingPolicy}, 422).
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
     * Checks what involves several fields: at least one recipient ({@code recipientEmail} and/or
     * {@code recipients}), at most {@value #MAX_RECIPIENT_ENTRIES} entries, and each entry of {@code recipients}
     * with exactly one of {@code email} and {@code userId}. Returns the request in its normal form: addresses
     * without surrounding blanks, blank subject and message as none, CRLF in the message as LF, role
     * {@code viewer}, {@code notify} and no {@code requireSignIn} by default, {@code expiresAt} to the millisecond.
     *
     * @param draft a request whose fields are valid on their own
     * @throws InvalidRequest naming the first offending field
     */
    public static ValidShareRequest validate(ShareDraft draft) {
        Objects.requireNonNull(draft, "draft");
        List<RecipientRef> recipients = recipientRefs(draft);
        return new ValidShareRequest(recipients, draft.assetId(), draft.role() == null ? Role.VIEWER : draft.role(),
                Texts.blankToNull(draft.subject()), message(draft.message()), StoredTime.of(draft.expiresAt()),
                draft.notifyRecipient() == null || draft.notifyRecipient(),
                draft.requireSignIn() != null && draft.requireSignIn());
    }

    /**
     * Turns user ids into addresses and removes duplicates (case-insensitively, keeping the first
     * occurrence's spelling and field, and any user id named for the same address, with its name).
     *
     * @param userInOrganization the user of the caller's organisation with this id (its address, and its display name
     *                           when known), empty if there is no such user there
     * @throws RefusedRequest (422, {@code extension.field} {@code recipients[i].userId}) for a user id that is no user
     *                        of the caller's organisation: unknown, or another organisation's
     * @throws InvalidRequest for more than {@value #MAX_RECIPIENTS} recipients
     */
    public static List<Recipient> resolveRecipients(List<RecipientRef> refs,
                                                    Function<UUID, Optional<Recipient>> userInOrganization) {
        Map<String, Recipient> byAddress = new LinkedHashMap<>();
        for (RecipientRef ref : refs) {
            Recipient recipient;
            if (ref.userId() == null) {
                recipient = new Recipient(ref.email(), null, null, ref.field());
            } else {
                Recipient user = userInOrganization.apply(ref.userId()).orElseThrow(() -> new RefusedRequest(
                        "The user is not a user of your organisation.", Map.of("field", ref.field())));
                recipient = new Recipient(user.email(), ref.userId(), user.name(), ref.field());
            }
            byAddress.merge(EmailAddress.normalized(recipient.email()), recipient,
                    (first, later) -> first.userId() != null ? first
                            : new Recipient(first.email(), later.userId(), later.name(), first.field()));
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
                    EmailAddress.normalized(recipient.email()), Set.of());
            if (organizations.stream().anyMatch(org -> !org.equals(organizationId))) {
                throw new RefusedRequest("The recipient is a user of another organisation.",
                        Map.of("recipientEmail", recipient.email()));
            }
        }
    }

    private static List<RecipientRef> recipientRefs(ShareDraft draft) {
        List<RecipientRef> refs = new ArrayList<>();
        if (draft.recipientEmail() != null) {
            refs.add(new RecipientRef("recipientEmail", address(draft.recipientEmail()), null));
        }
        List<RecipientDraft> entries = draft.recipients() == null ? List.of() : draft.recipients();
        if (refs.size() + entries.size() > MAX_RECIPIENT_ENTRIES) {
            throw new InvalidRequest("recipients", "must not name more than " + MAX_RECIPIENTS + " distinct recipients");
        }
        refs.addAll(recipientRefs(entries));
        if (refs.isEmpty()) {
            throw new InvalidRequest("recipients", "at least one recipient is required (recipientEmail or recipients)");
        }
        return refs;
    }

    /**
     * The entries of a {@code recipients} list, each {@code {email}} or {@code {userId}} (else 400 naming
     * {@code recipients[i]}), at most {@value #MAX_RECIPIENT_ENTRIES}; an empty list (or null) gives none. Shared by
     * direct shares and links.
     *
     * @throws InvalidRequest naming the first offending entry
     */
    public static List<RecipientRef> recipientRefs(List<RecipientDraft> recipients) {
        List<RecipientDraft> entries = recipients == null ? List.of() : recipients;
        if (entries.size() > MAX_RECIPIENT_ENTRIES) {
            throw new InvalidRequest("recipients", "must not name more than " + MAX_RECIPIENTS + " distinct recipients");
        }
        List<RecipientRef> refs = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String field = "recipients[" + i + "]";
            RecipientDraft entry = entries.get(i);
            if (entry == null || (entry.email() == null) == (entry.userId() == null)) {
                throw new InvalidRequest(field, "must have either email or userId");
            }
            refs.add(entry.email() != null
                    ? new RecipientRef(field + ".email", address(entry.email()), null)
                    : new RecipientRef(field + ".userId", null, entry.userId()));
        }
        return refs;
    }

    /** The address as written, without surrounding blanks; valid already (the web edge checked it). */
    private static String address(String value) {
        return EmailAddress.of(value).value();
    }

    /** A message in its stored form: blank as none, CRLF as LF. Shared by direct shares and links. */
    public static String message(String value) {
        String message = Texts.blankToNull(value);
        // Clients on Windows send CRLF; the message is plain text, so keep the line break, drop the CR.
        return message == null ? null : message.replace("\r\n", "\n");
    }
}
