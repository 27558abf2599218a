package io.shareflow.api.share;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to a share request: one entry per share created. Stored (sealed) for idempotent replays.
 *
 * @param shares in recipient order, never empty
 */
record ShareAccepted(UUID requestId, List<Share> shares) {

    /**
     * @param recipientUserId the user the sharer named by id; null when only an address was given
     * @param recipientName   that user's display name as the directory replica knows it; left out when unknown
     * @param role            the role granted: the one asked for, or the sharing policy's {@code maxRole}
     * @param requestedRole   the role asked for when the policy lowered it; left out otherwise
     * @param expiresAt       null = never
     */
    record Share(UUID shareId, String recipientEmail, UUID recipientUserId,
                 @JsonInclude(JsonInclude.Include.NON_NULL) String recipientName, String role,
                 @JsonInclude(JsonInclude.Include.NON_NULL) String requestedRole, String status, String url,
                 Instant expiresAt) {

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
