package io.shareflow.api.share;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.shareflow.api.status.HistoryEntry;

/**
 * A share as {@code GET /v1/shares/{id}} shows it; {@code expiresAt} null = never, {@code history} oldest
 * first (left out of lists).
 */
record ShareDetails(UUID shareId, UUID requestId, UUID resourceId, String recipientEmail, String role, String status,
                    String provisioning, String notification, Instant expiresAt, Instant createdAt,
                    Instant updatedAt, @JsonInclude(JsonInclude.Include.NON_NULL) List<Change> history) {

    /** One change of state, with its cause. */
    record Change(String status, String provisioning, String notification, Instant at, String cause) {

        static Change of(HistoryEntry entry) {
            return new Change(entry.status().name(), entry.provisioning().name(), entry.notification().name(),
                    entry.at(), entry.cause());
        }
    }

    static ShareDetails of(ShareView share, List<HistoryEntry> history) {
        return new ShareDetails(share.id(), share.requestId(), share.resourceId(), share.recipientEmail(),
                share.role().value(), share.status().name(), share.provisioning().name(), share.notification().name(),
                share.expiresAt(), share.createdAt(), share.updatedAt(),
                history == null ? null : history.stream().map(Change::of).toList());
    }
}
