package io.shareflow.api.share;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The answer to a link request (201). Stored (sealed) for idempotent replays.
 *
 * @param name       null when none was given
 * @param expiresAt  null = never
 * @param recipients de-duplicated, in request order; empty when none
 */
record LinkCreated(UUID shareId, String url, String audience, String role, String name, Instant expiresAt,
                   List<Recipient> recipients) {

    /**
     * @param userId       when given by id or named along the address; else null
     * @param notification {@code PENDING} while the e-mail to them is due, {@code SKIPPED} for {@code notify: false}
     */
    record Recipient(String email, UUID userId, String notification) {
    }

    /** Never the url: it holds the link token, which must not reach a log line. */
    @Override
    public String toString() {
        return "LinkCreated[shareId=" + shareId + ", url=***, audience=" + audience + ", role=" + role + "]";
    }
}
