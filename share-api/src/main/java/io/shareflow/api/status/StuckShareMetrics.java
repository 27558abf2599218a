package io.shareflow.api.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The stuck-share sweep's meters: gauge {@code shareflow.shares.stuck} (Prometheus {@code shareflow_shares_stuck}), the
 * flagged shares that still wait for someone — the operator's to-do list ({@link ShareStatuses#countStuck}); counter
 * {@code shareflow.shares.stuck.flagged}, every share the sweep flagged. The count is reused for a few seconds.
 */
@Component
class StuckShareMetrics {

    private static final Duration MAX_AGE = Duration.ofSeconds(5);

    private final ShareStatuses statuses;
    private final Clock clock;
    private final Counter flagged;
    private long count;
    private Instant countedAt = Instant.MIN;

    StuckShareMetrics(MeterRegistry registry, ShareStatuses statuses, Clock clock) {
        this.statuses = statuses;
        this.clock = clock;
        this.flagged = Counter.builder("shareflow.shares.stuck.flagged")
                .description("Shares the stuck-share sweep flagged (no outcome long after it was asked for)")
                .register(registry);
        Gauge.builder("shareflow.shares.stuck", this, StuckShareMetrics::count)
                .description("Shares flagged stuck that are still PENDING or NOTIFICATION_FAILED: to re-send")
                .register(registry);
    }

    void flagged(int shares) {
        flagged.increment(shares);
    }

    private synchronized double count() {
        Instant now = clock.instant();
        if (countedAt.plus(MAX_AGE).isBefore(now)) {
            count = statuses.countStuck(now);
            countedAt = now;
        }
        return count;
    }

    /** The next scrape counts again (after the sweep flagged shares). */
    synchronized void recount() {
        countedAt = Instant.MIN;
    }
}
