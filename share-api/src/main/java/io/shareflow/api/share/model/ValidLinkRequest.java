package io.shareflow.api.share.model;

import java.time.Instant;
import java.util.List;

/**
 * A link request whose fields are valid, alone and together; recipients still need resolving.
 *
 * @param role       {@code viewer} or {@code downloader}
 * @param password   exactly for audience {@code password}; else null
 * @param expiresAt  in the future, millisecond precision (from {@code expiresAt} or {@code durationHours}); null = never
 * @param name       may be null
 * @param recipients in request order, not yet de-duplicated; empty when none (never for audience {@code users})
 * @param subject    may be null
 * @param message    may be null
 */
public record ValidLinkRequest(Audience audience, Role role, String password, Instant expiresAt, String name,
                               List<RecipientRef> recipients, String subject, String message,
                               boolean notifyRecipient) {

    @Override
    public String toString() {
        return "ValidLinkRequest[audience=" + audience + ", role=" + role + ", password="
                + (password == null ? "none" : "***") + ", expiresAt=" + expiresAt + ", recipients="
                + recipients.size() + "]";
    }
}
