package io.shareflow.api.opening.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A rate limit for one key (a link token, a client address): up to {@code capacity} attempts at once, refilled
 * evenly over {@code period} ({@code capacity} per period on average). Thread-safe.
 */
public final class TokenBucket {

    private final int capacity;
    private final double nanosPerToken;
    private double tokens;
    private Instant updated;

    /** A full bucket. */
    public TokenBucket(int capacity, Duration period, Instant now) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive");
        }
        this.capacity = capacity;
        this.nanosPerToken = (double) period.toNanos() / capacity;
        this.tokens = capacity;
        this.updated = now;
    }

    /**
     * Takes one attempt if there is one.
     *
     * @return empty when taken; else how long until one is available (at least one millisecond)
     */
    public synchronized Optional<Duration> take(Instant now) {
        if (now.isAfter(updated)) {
            tokens = Math.min(capacity, tokens + Duration.between(updated, now).toNanos() / nanosPerToken);
            updated = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return Optional.empty();
        }
        long wait = (long) Math.ceil((1 - tokens) * nanosPerToken);
        return Optional.of(Duration.ofNanos(Math.max(wait, 1_000_000)));
    }
}
