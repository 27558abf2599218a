package io.shareflow.notifier.notification;

import java.time.Duration;

/** When to try a transiently failed notification again, and when to give up. Pure; thread-safe. */
final class RetryPolicy {

    private final RetrySettings settings;

    RetryPolicy(RetrySettings settings) {
        this.settings = settings;
    }

    /** Whether {@code attempts} failed attempts are all we may make. */
    boolean exhausted(int attempts) {
        return attempts >= settings.maxAttempts();
    }

    /** The wait after the {@code attempts}-th failed attempt (1-based) before the next one. */
    Duration backoffAfter(int attempts) {
        double factor = Math.pow(settings.multiplier(), Math.max(0, attempts - 1));
        double millis = settings.initialBackoff().toMillis() * factor;
        long max = settings.maxBackoff().toMillis();
        return Duration.ofMillis(Double.isFinite(millis) && millis < max ? (long) millis : max);
    }

    int maxAttempts() {
        return settings.maxAttempts();
    }
}
