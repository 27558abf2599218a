package io.shareflow.api.share;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The answer to a share request: one entry per share created. Stored (sealed) for idempotent replays.
 *
 * @param shares in recipient order, never empty
 */
record ShareAccepted(UUID requestId, List<Share> shares) {

    /** @param expiresAt null = never */
    record Share(UUID shareId, String recipientEmail, String role, String status, String url, Instant expiresAt) {

        /** Never the url: it holds the link token, which must not reach a log line. */
        @Override
        public String toString() {
            return "Share[shareId=" + shareId + ", recipientEmail=" + recipientEmail + ", role=" + role
                    + ", status=" + status + ", url=***, expiresAt=" + expiresAt + "]";
        }
    }

    UUID firstShareId() {
        return shares.get(0).shareId();
    }
}
