package io.shareflow.bench.e2e;

import java.time.Duration;
import java.util.List;

/**
 * When a step of offered load counts as kept up with: its backlog (accepted shares not ACTIVE yet) is flat, i.e. the
 * least-squares slope of the backlog over the last {@code fitFraction} of the step (after the first third, where a
 * pipeline may still be finding its pace) grows by less than {@code maxSlopeFraction} of the offered rate — at
 * 450/s and 5 %, less than 22.5 shares/s — AND the step's shares were all ACTIVE within {@code drainWithin} after
 * the step's end, so a backlog that grew only slowly still cannot pass — AND the API accepted at least
 * {@code minAcceptedFraction} of the step's requests: a pipeline offered nothing because the API refused it is not
 * keeping up.
 */
record CapacityCriterion(double fitFraction, double maxSlopeFraction, Duration drainWithin, double minAcceptedFraction) {

    static final CapacityCriterion DEFAULT = new CapacityCriterion(2.0 / 3, 0.05, Duration.ofSeconds(10), 0.99);

    /** The backlog at {@code seconds} after the step's start. */
    record Sample(double seconds, long backlog) {
    }

    /**
     * @param slopePerSecond the fitted backlog growth, shares/s
     * @param drainedAfter   how long after the step's end its backlog reached 0; null if it did not in time
     */
    record Verdict(boolean flat, double slopePerSecond, Duration drainedAfter) {
    }

    /** @param acceptedFraction the step's 202s over its scheduled requests */
    Verdict judge(double offeredPerSecond, Duration step, List<Sample> samples, Duration drainedAfter,
                  double acceptedFraction) {
        double from = step.toNanos() / 1e9 * (1 - fitFraction);
        List<Sample> fitted = samples.stream().filter(s -> s.seconds() >= from).toList();
        double slope = slope(fitted);
        boolean drained = drainedAfter != null && drainedAfter.compareTo(drainWithin) <= 0;
        boolean flat = !Double.isNaN(slope) && slope < maxSlopeFraction * offeredPerSecond && drained
                && acceptedFraction >= minAcceptedFraction;
        return new Verdict(flat, slope, drainedAfter);
    }

    /** Least-squares slope of backlog over seconds; NaN with fewer than two distinct times. */
    static double slope(List<Sample> samples) {
        int n = samples.size();
        if (n < 2) {
            return Double.NaN;
        }
        double meanX = samples.stream().mapToDouble(Sample::seconds).average().orElseThrow();
        double meanY = samples.stream().mapToDouble(Sample::backlog).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (Sample s : samples) {
            sxy += (s.seconds() - meanX) * (s.backlog() - meanY);
            sxx += (s.seconds() - meanX) * (s.seconds() - meanX);
        }
        return sxx == 0 ? Double.NaN : sxy / sxx;
    }
}
