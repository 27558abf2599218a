package io.shareflow.api.share;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.shareflow.api.status.HistoryEntry;

/**
 * A share as {@code GET /v1/shares/{id}} shows it; {@code expiresAt} null = never, {@code history} oldest
 * first (left out of lists).
 *
 * @param url the link, shown again only to whoever may change the share, and only on the share itself: left out of
 *            lists, for other callers, and for shares created before the link was kept
 */
record ShareDetails(UUID shareId, UUID requestId, UUID resourceId, String recipientEmail, String role, String status,
                    String provisioning, String notification, @JsonInclude(JsonInclude.Include.NON_NULL) String url,
                    Instant expiresAt, Instant createdAt, Instant updatedAt,
                    @JsonInclude(JsonInclude.Include.NON_NULL) List<Change> history) {

    /** One change of state, with its cause. */
    record Change(String status, String provisioning, String notification, Instant at, String cause) {

        static Change of(HistoryEntry entry) {
            return new Change(entry.status().name(), entry.provisioning().name(), entry.notification().name(),
                    entry.at(), entry.cause());
        }
    }

    /** As a list shows it: neither url nor history. */
    static ShareDetails of(ShareView share) {
        return of(share, null, null);
    }

    static ShareDetails of(ShareView share, String url, List<HistoryEntry> history) {
        return new ShareDetails(share.id(), share.requestId(), share.resourceId(), share.recipientEmail(),
                share.role().value(), share.status().name(), share.provisioning().name(), share.notification().name(),
                url, share.expiresAt(), share.createdAt(), share.updatedAt(),
                history == null ? null : history.stream().map(Change::of).toList());
    }

    @Override
    public String toString() {
        return "ShareDetails[shareId=" + shareId + ", status=" + status + ", url=" + (url == null ? "none" : "***") + "]";
    }
}
