package io.shareflow.provisioner.attempt.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * At most {@code maxFailures} failed attempts within any {@code window}: the next attempt waits until the oldest of
 * the last {@code maxFailures} failures has left the window.
 *
 * @param maxFailures at least 1
 * @param window      positive
 */
public record AttemptLimit(int maxFailures, Duration window) {

    public AttemptLimit {
        Objects.requireNonNull(window, "window");
        if (maxFailures < 1) {
            throw new IllegalArgumentException("at least 1 failed attempt must be allowed");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the window must be positive");
        }
    }

    /** The earliest failure that still counts at {@code now}. */
    public Instant windowStart(Instant now) {
        return now.minus(window);
    }

    /**
     * @param failures the failures since {@link #windowStart(Instant) windowStart(now)}, oldest first
     * @return how long the next attempt must wait (at least a millisecond); empty when it may be made now
     */
    public Optional<Duration> waitBeforeNextAttempt(List<Instant> failures, Instant now) {
        if (failures.size() < maxFailures) {
            return Optional.empty();
        }
        Instant free = failures.get(failures.size() - maxFailures).plus(window);
        Duration wait = Duration.between(now, free);
        return Optional.of(wait.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : wait);
    }
}
