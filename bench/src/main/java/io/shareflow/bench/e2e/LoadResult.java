package io.shareflow.bench.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one load measured.
 *
 * @param offeredPerSecond the open-loop rate; NaN for a closed loop
 * @param clients          the closed loop's concurrent clients; 0 for an open loop
 * @param statuses         answers by HTTP status (0: no answer)
 * @param latency          per request: from its due time (open loop) or its start (closed loop) to the answer
 * @param start            wall clock at the first request (to compare with the databases' timestamps)
 * @param end              wall clock at the last request's due time (open loop) or the loop's end (closed loop)
 * @param elapsed          the load's duration: first to last request (open loop), or the loop (closed)
 * @param untilLastAnswer  from the first request to the last answer: longer than {@code elapsed} when answers lag
 * @param cpuSeconds       CPU the load generator used for it
 */
record LoadResult(String name, double offeredPerSecond, int clients, Map<Integer, Long> statuses, Latency latency,
                  Instant start, Instant end, Duration elapsed, Duration untilLastAnswer, double cpuSeconds) {

    long accepted() {
        return statuses.getOrDefault(202, 0L);
    }

    long sent() {
        return statuses.values().stream().mapToLong(Long::longValue).sum();
    }

    /** 202s per second, over the time they took: from the first request to the last answer. */
    double acceptedPerSecond() {
        return accepted() / (Math.max(elapsed.toNanos(), untilLastAnswer.toNanos()) / 1e9);
    }

    /** Every answer but 202, by status, in order. */
    Map<Integer, Long> errors() {
        Map<Integer, Long> errors = new TreeMap<>(statuses);
        errors.remove(202);
        return errors;
    }
}
