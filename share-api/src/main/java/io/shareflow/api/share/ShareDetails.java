package io.shareflow.api.share;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.shareflow.api.status.HistoryEntry;

/**
 * A share as {@code GET /v1/shares/{id}} shows it, a direct share ({@code type: person}) or a link
 * ({@code type: link}); {@code expiresAt} null = never, {@code history} oldest first (left out of lists).
 *
 * <p>A direct share has {@code recipientEmail}, {@code provisioning}, {@code notification} and {@code requireSignIn};
 * a link has {@code recipientEmail} null, {@code audience}, {@code name} (left out when none) and {@code recipients},
 * each with the state of the e-mail to them. What a share does not have is left out, except {@code recipientEmail}.
 *
 * @param recipientUserId a direct share's recipient named by user id; null when only an address was given (left out
 *                        for links)
 * @param recipientName   that user's display name as the directory replica knows it; left out when unknown
 * @param requestedRole   the role asked for when the sharing policy lowered it to {@code role}; left out otherwise
 * @param url the link, shown again only to whoever may change the share, and only on the share itself: left out of
 *            lists, for other callers, and for shares created before the link was kept
 */
record ShareDetails(UUID shareId, UUID requestId, String type, UUID resourceId, String recipientEmail,
                    @JsonInclude(JsonInclude.Include.NON_NULL) UUID recipientUserId,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String recipientName, String role,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String requestedRole, String status,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String provisioning,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String notification,
                    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean requireSignIn,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String audience,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String name,
                    @JsonInclude(JsonInclude.Include.NON_NULL) List<Recipient> recipients,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String url,
                    Instant expiresAt, Instant createdAt, Instant updatedAt,
                    @JsonInclude(JsonInclude.Include.NON_NULL) List<Change> history) {

    /** One recipient of a link and how far the e-mail to them got: {@code PENDING | SENT | FAILED | SKIPPED}. */
    record Recipient(String email, UUID userId, @JsonInclude(JsonInclude.Include.NON_NULL) String name,
                     String notification) {

        static Recipient of(LinkRecipientState recipient, Map<UUID, String> names) {
            return new Recipient(recipient.email(), recipient.userId(),
                    recipient.userId() == null ? null : names.get(recipient.userId()), recipient.notification().name());
        }
    }

    /** One change of state, with its cause and, for what a user asked for, who did ({@code by}, else left out). */
    record Change(String status, String provisioning, String notification, Instant at, String cause,
                  @JsonInclude(JsonInclude.Include.NON_NULL) UUID by) {

        static Change of(HistoryEntry entry) {
            return new Change(entry.status().name(), entry.provisioning().name(), entry.notification().name(),
                    entry.at(), entry.cause(), entry.by());
        }
    }

    /**
     * @param recipients a link's recipients (empty when it has none); ignored for a direct share
     * @param names      display names by user id, as the directory replica knows them (users without one absent)
     * @param url        null = not shown
     * @param history    null = not shown (lists)
     */
    static ShareDetails of(ShareView share, List<LinkRecipientState> recipients, Map<UUID, String> names, String url,
                           List<HistoryEntry> history) {
        boolean link = share.isLink();
        UUID recipientUserId = link ? null : share.recipientUserId();
        return new ShareDetails(share.id(), share.requestId(), share.type().value(), share.resourceId(),
                share.recipientEmail(), recipientUserId, recipientUserId == null ? null : names.get(recipientUserId),
                share.role().value(), share.requestedRole() == null ? null : share.requestedRole().value(),
                share.status().name(),
                link ? null : share.provisioning().name(), link ? null : share.notification().name(),
                link ? null : share.requireSignIn(), link ? share.audience().value() : null, share.name(),
                link ? recipients.stream().map(r -> Recipient.of(r, names)).toList() : null, url, share.expiresAt(),
                share.createdAt(), share.updatedAt(), history == null ? null : history.stream().map(Change::of).toList());
    }

    @Override
    public String toString() {
        return "ShareDetails[shareId=" + shareId + ", type=" + type + ", status=" + status + ", url="
                + (url == null ? "none" : "***") + "]";
    }
}
