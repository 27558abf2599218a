package io.shareflow.bench.e2e;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latencies in nanoseconds, recorded from any thread into an HdrHistogram (3 significant digits, so a percentile is
 * within 0.1 % of the sample's, however many samples), read as milliseconds.
 */
final class Latency {

    private final Histogram histogram;

    Latency() {
        this(new ConcurrentHistogram(TimeUnit.MINUTES.toNanos(10), 3));
    }

    private Latency(Histogram histogram) {
        this.histogram = histogram;
    }

    /** A copy of {@code histogram}'s counts, e.g. one merged from several. */
    static Latency of(Histogram histogram) {
        Latency latency = new Latency();
        latency.histogram.add(histogram);
        return latency;
    }

    void recordNanos(long nanos) {
        // A clock step back would make a negative sample; it was at least instant.
        histogram.recordValue(Math.min(Math.max(0, nanos), histogram.getHighestTrackableValue()));
    }

    long count() {
        return histogram.getTotalCount();
    }

    /** The {@code percentile} (0–100) in milliseconds; NaN without samples. */
    double millis(double percentile) {
        if (histogram.getTotalCount() == 0) {
            return Double.NaN;
        }
        return histogram.getValueAtPercentile(percentile) / 1e6;
    }

    double maxMillis() {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getMaxValue() / 1e6;
    }

    Histogram histogram() {
        return histogram;
    }
}
