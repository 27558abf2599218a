package io.shareflow.api.opening.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The wrong-password lockout of a password link: {@code maxFailures} wrong passwords within {@code window} lock it
 * until the oldest of them leaves the window. While locked, not even the right password opens it, and attempts are
 * not counted as failures.
 */
public record PasswordLockout(int maxFailures, Duration window) {

    private static final Duration AT_LEAST = Duration.ofSeconds(1);

    public PasswordLockout {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1");
        }
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
    }

    /** Failures at or before this instant no longer count. */
    public Instant windowStart(Instant now) {
        return now.minus(window);
    }

    /**
     * @param failures the share's wrong passwords, any order; those outside the window are ignored
     * @return how long the share stays locked (at least one second), or empty when it is not locked
     */
    public Optional<Duration> lockedFor(List<Instant> failures, Instant now) {
        Instant start = windowStart(now);
        List<Instant> counted = failures.stream().filter(at -> at.isAfter(start)).sorted().toList();
        if (counted.size() < maxFailures) {
            return Optional.empty();
        }
        // Unlocked once only maxFailures - 1 remain: when the (size - maxFailures + 1)-th oldest has left.
        Instant until = counted.get(counted.size() - maxFailures).plus(window);
        Duration left = Duration.between(now, until);
        return Optional.of(left.compareTo(AT_LEAST) < 0 ? AT_LEAST : left);
    }
}
