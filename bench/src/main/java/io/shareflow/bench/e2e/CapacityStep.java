package io.shareflow.bench.e2e;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One step of the capacity search: shares offered open-loop at a rate for a while, the step's backlog (its accepted
 * shares not ACTIVE yet) sampled every second during the step and after it until it is 0, judged by
 * {@link CapacityCriterion}.
 *
 * @param backlog       samples during the step, seconds from its start
 * @param drainedAfter  from the step's end until its backlog was 0; null if not within the wait
 * @param activePerSecond the step's shares ACTIVE at its end, per second of the step
 */
record CapacityStep(double offered, LoadResult load, List<CapacityCriterion.Sample> backlog, Duration drainedAfter,
                    CapacityCriterion.Verdict verdict, double activePerSecond) {

    static CapacityStep run(double rate, Duration duration, Target target, String part, Connection shareApi,
                            LongSupplier sequences, CapacityCriterion criterion, Duration drainWait)
            throws InterruptedException, SQLException {
        OpenLoopLoad load = OpenLoopLoad.start(part, target, new OpenLoopSchedule(rate, duration), sequences);
        List<CapacityCriterion.Sample> samples = new ArrayList<>();
        long origin = System.nanoTime();
        long end = origin + duration.toNanos();
        for (long next = origin + TimeUnit.SECONDS.toNanos(1); next <= end; next += TimeUnit.SECONDS.toNanos(1)) {
            TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
            long backlog = Activations.notActive(shareApi, part);
            samples.add(new CapacityCriterion.Sample((System.nanoTime() - origin) / 1e9, backlog));
        }
        long activeAtEnd = Activations.active(shareApi, part);
        LoadResult result = load.await();
        long endNanos = origin + result.elapsed().toNanos();
        Duration drained = null;
        long deadline = System.nanoTime() + drainWait.toNanos();
        while (System.nanoTime() < deadline) {
            if (Activations.notActive(shareApi, part) == 0) {
                drained = Duration.ofNanos(Math.max(0, System.nanoTime() - endNanos));
                break;
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        double activePerSecond = activeAtEnd / (duration.toNanos() / 1e9);
        return new CapacityStep(rate, result, List.copyOf(samples), drained,
                criterion.judge(rate, duration, samples, drained,
                        result.accepted() / (double) new OpenLoopSchedule(rate, duration).count()), activePerSecond);
    }
}
