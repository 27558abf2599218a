package io.shareflow.notifier.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retries of transient SMTP failures, prefix {@code shareflow.notifier.retry}. Attempt {@code n+1}
 * waits {@code initialBackoff * multiplier^(n-1)} after attempt {@code n}, at most {@code maxBackoff}.
 * The defaults try 8 times over about an hour.
 *
 * @param maxAttempts    delivery attempts in all, the first one included (at least 1)
 * @param initialBackoff wait after the first failed attempt
 * @param multiplier     growth of the wait from one attempt to the next (at least 1)
 * @param maxBackoff     the longest wait between two attempts
 */
@ConfigurationProperties("shareflow.notifier.retry")
public record RetrySettings(
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("30s") Duration initialBackoff,
        @DefaultValue("2.0") double multiplier,
        @DefaultValue("30m") Duration maxBackoff) {

    public RetrySettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("shareflow.notifier.retry.max-attempts must be at least 1");
        }
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("shareflow.notifier.retry.multiplier must be at least 1");
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("shareflow.notifier.retry: need 0 <= initial-backoff <= max-backoff");
        }
    }
}
