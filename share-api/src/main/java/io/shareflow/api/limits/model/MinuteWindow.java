package io.shareflow.api.limits.model;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The fixed window a consumption counts in: the minute of the clock it happens in (UTC, the same for every
 * instance and user).
 *
 * @param start the first instant of the minute, whole minutes; not null
 */
public record MinuteWindow(Instant start) {

    public static final Duration LENGTH = Duration.ofMinutes(1);

    /** The window {@code now} is in. */
    public static MinuteWindow of(Instant now) {
        return new MinuteWindow(now.truncatedTo(ChronoUnit.MINUTES));
    }

    /** The first instant after this window. */
    public Instant end() {
        return start.plus(LENGTH);
    }

    /** How long from {@code now} until the next window starts (and a full window has room again); at least 1 ms. */
    public Duration untilNext(Instant now) {
        Duration left = Duration.between(now, end());
        return left.isNegative() || left.isZero() ? Duration.ofMillis(1) : left;
    }
}
