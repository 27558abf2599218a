package io.shareflow.api.opening;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One attempt to open a share, as {@code GET /v1/shares/{shareId}/activity} lists it.
 *
 * @param outcome {@code OPENED} or the refusal ({@code WRONG_PASSWORD}, {@code SIGN_IN_REQUIRED}, ...)
 * @param channel {@code api | page}
 */
record ActivityEntry(Instant at, String outcome, String channel, OpenedBy openedBy) {

    /** {@code {"anonymous": true}}, or the signed-in user as their token named them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OpenedBy(boolean anonymous, UUID userId, String email, String name) {
    }

    static ActivityEntry of(ShareOpens.ShareOpen open) {
        return new ActivityEntry(open.at(), open.outcome(), open.channel(), open.userId() == null
                ? new OpenedBy(true, null, null, null)
                : new OpenedBy(false, open.userId(), open.email(), open.name()));
    }
}
