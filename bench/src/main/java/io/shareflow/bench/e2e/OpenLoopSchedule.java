package io.shareflow.bench.e2e;

import java.time.Duration;

/**
 * When each request of an open-loop load is due: request {@code i} at {@code i / rate} seconds after the start,
 * whatever the earlier answers did. Latency is counted from this time, not from when the request actually left, so a
 * stalled system is charged for the requests it held up (no coordinated omission).
 */
record OpenLoopSchedule(double perSecond, Duration duration) {

    OpenLoopSchedule {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive: " + perSecond);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive: " + duration);
        }
    }

    /** How many requests the schedule holds: those due strictly before its end. */
    long count() {
        return (long) Math.ceil(perSecond * duration.toNanos() / 1e9 - 1e-9);
    }

    /** Nanoseconds after the start at which request {@code i} is due. */
    long dueNanos(long i) {
        return Math.round(i * 1e9 / perSecond);
    }
}
