package io.shareflow.api.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.shareflow.api.limits.model.MinuteWindow;
import io.shareflow.support.web.ApiException;

import org.springframework.stereotype.Component;

/**
 * The per-user sharing rate limit (DESIGN.md "Limits and abuse"): at most
 * {@code shareflow.limits.recipients-per-minute} recipients (default 600) per user in each minute of the clock, kept in
 * PostgreSQL so that it holds across every instance of share-api.
 *
 * <p>A fixed window rather than a sliding one: one row per user and minute, changed by one atomic upsert (no read
 * before the write, so no lost update under concurrency, no lock held beyond the row), exact within the window and
 * cheap to forget. The price is the boundary: a user may send up to twice the limit across the turn of a minute
 * (as a token bucket of the same rate allows too); a sliding log would need a row per request.
 *
 * <p>Called inside the share's transaction, as its last write: a refusal rolls everything back, a share that failed
 * before (404, 422) never counted, and the window's row — one per user, so every concurrent share of that user waits
 * for it — is locked only from the upsert to the commit.
 */
@Component
public class SharingRateLimits {

    private final RateWindows windows;
    private final SharingLimitSettings settings;
    private final Clock clock;

    SharingRateLimits(RateWindows windows, SharingLimitSettings settings, Clock clock) {
        this.windows = windows;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Counts {@code recipients} against the user's window.
     *
     * @param userId     the sharer; not null
     * @param recipients how many recipients the request shares with, at least 1 (a link without recipients counts 1)
     * @throws ApiException 429 {@code TooManyRequests} with {@code Retry-After} (the seconds until the next window)
     *                      when the window has no room for them; nothing is counted then
     */
    public void consume(UUID userId, int recipients) {
        int count = Math.max(1, recipients);
        Instant now = clock.instant();
        MinuteWindow window = MinuteWindow.of(now);
        if (windows.add(userId, window.start(), count, settings.recipientsPerMinute()).isEmpty()) {
            Duration retryAfter = window.untilNext(now);
            throw ApiException.tooManyRequests("Too many recipients shared with in a minute (at most "
                    + settings.recipientsPerMinute() + " per user); retry after "
                    + Math.max(1, (retryAfter.toMillis() + 999) / 1000) + " s.", retryAfter);
        }
    }

    /** Forgets the windows before the current one (the sweep). */
    int forgetEndedWindows() {
        return windows.deleteEndedBefore(MinuteWindow.of(clock.instant()).start());
    }
}
