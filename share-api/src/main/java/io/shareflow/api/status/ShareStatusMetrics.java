package io.shareflow.api.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.shareflow.api.status.model.ShareStatus;

import org.springframework.stereotype.Component;

/**
 * Gauge {@code shareflow.shares{status=...}}: how many shares have each status (an expiry counted from the instant it
 * passes). One grouped count
 * serves all statuses of a scrape, and is reused for a few seconds.
 */
@Component
class ShareStatusMetrics implements MeterBinder {

    private static final Duration MAX_AGE = Duration.ofSeconds(5);

    private final ShareStatuses statuses;
    private final Clock clock;
    private Map<ShareStatus, Long> counts;
    private Instant countedAt = Instant.MIN;

    ShareStatusMetrics(ShareStatuses statuses, Clock clock) {
        this.statuses = statuses;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ShareStatus status : ShareStatus.values()) {
            Gauge.builder("shareflow.shares", this, metrics -> metrics.count(status))
                    .description("Shares by status")
                    .tag("status", status.name())
                    .register(registry);
        }
    }

    private synchronized double count(ShareStatus status) {
        Instant now = clock.instant();
        if (counts == null || countedAt.plus(MAX_AGE).isBefore(now)) {
            counts = statuses.countByStatus(now);
            countedAt = now;
        }
        return counts.get(status);
    }
}
