package io.shareflow.api.share;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to a link request (201). Stored (sealed) for idempotent replays.
 *
 * @param role          the role granted: the one asked for, or the sharing policy's {@code maxRole}
 * @param requestedRole the role asked for when the policy lowered it; left out otherwise
 * @param name          null when none was given
 * @param expiresAt     null = never
 * @param recipients    de-duplicated, in request order; empty when none
 */
record LinkCreated(UUID shareId, String url, String audience, String role,
                   @JsonInclude(JsonInclude.Include.NON_NULL) String requestedRole, String name, Instant expiresAt,
                   List<Recipient> recipients) {

    /**
     * @param userId       when given by id or named along the address; else null
     * @param name         the user's display name as the directory replica knows it; left out when unknown
     * @param notification {@code PENDING} while the e-mail to them is due, {@code SKIPPED} for {@code notify: false}
     */
    record Recipient(String email, UUID userId, @JsonInclude(JsonInclude.Include.NON_NULL) String name,
                     String notification) {
    }

    /** Never the url: it holds the link token, which must not reach a log line. */
    @Override
    public String toString() {
        return "LinkCreated[shareId=" + shareId + ", url=***, audience=" + audience + ", role=" + role + "]";
    }
}
