package io.shareflow.bench.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * createdAt → ACTIVE of a part's shares: percentiles, whether all were ACTIVE soon after the load's end, and per
 * second of creation the p99 of the shares created in it (the chart's series). A share not ACTIVE when asked counts
 * with the time it has waited so far: a lower bound, so a percentile is never flattered by leaving it out.
 */
record ActivationSummary(long shares, long active, Latency latency, Duration lastActiveAfterEnd,
                         List<SecondPoint> perSecond) {

    /** Shares created in second {@code second} of the load and their p99 createdAt → ACTIVE. */
    record SecondPoint(long second, long shares, double p99Millis, long notActive) {
    }

    static ActivationSummary of(List<Activations.Activation> activations, Instant loadStart, Instant loadEnd,
                                Instant askedAt) {
        Latency all = new Latency();
        Map<Long, Latency> bySecond = new TreeMap<>();
        Map<Long, Long> notActiveBySecond = new TreeMap<>();
        long active = 0;
        Instant lastActive = null;
        for (Activations.Activation a : activations) {
            Instant done = a.activeAt() == null ? askedAt : a.activeAt();
            long nanos = Duration.between(a.createdAt(), done).toNanos();
            all.recordNanos(nanos);
            long second = Math.max(0, Duration.between(loadStart, a.createdAt()).toSeconds());
            bySecond.computeIfAbsent(second, s -> new Latency()).recordNanos(nanos);
            if (a.activeAt() == null) {
                notActiveBySecond.merge(second, 1L, Long::sum);
            } else {
                active++;
                lastActive = lastActive == null || a.activeAt().isAfter(lastActive) ? a.activeAt() : lastActive;
            }
        }
        List<SecondPoint> points = new ArrayList<>();
        bySecond.forEach((second, latency) -> points.add(new SecondPoint(second, latency.count(),
                latency.millis(99), notActiveBySecond.getOrDefault(second, 0L))));
        Duration after = active < activations.size() || lastActive == null ? null
                : Duration.between(loadEnd, lastActive);
        return new ActivationSummary(activations.size(), active, all, after, points);
    }

    /** Every share ACTIVE, the last within {@code limit} of the load's end. */
    boolean allActiveWithin(Duration limit) {
        return shares > 0 && active == shares && lastActiveAfterEnd != null && lastActiveAfterEnd.compareTo(limit) <= 0;
    }
}
