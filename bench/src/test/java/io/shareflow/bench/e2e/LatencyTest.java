package io.shareflow.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class LatencyTest {

    @Test
    void percentilesComeFromTheHistogramWithinItsPrecision() {
        Latency latency = new Latency();
        for (int ms = 1; ms <= 1_000; ms++) {
            latency.recordNanos(TimeUnit.MILLISECONDS.toNanos(ms));
        }

        assertThat(latency.count()).isEqualTo(1_000);
        // 3 significant digits: within 0.1 % of the exact sample.
        assertThat(latency.millis(50)).isCloseTo(500, within(0.5));
        assertThat(latency.millis(99)).isCloseTo(990, within(1.0));
        assertThat(latency.maxMillis()).isCloseTo(1_000, within(1.0));
    }

    @Test
    void oneSlowRequestInAHundredIsTheP99() {
        Latency latency = new Latency();
        for (int i = 0; i < 98; i++) {
            latency.recordNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
        latency.recordNanos(TimeUnit.MILLISECONDS.toNanos(250));
        latency.recordNanos(TimeUnit.MILLISECONDS.toNanos(300));

        assertThat(latency.millis(50)).isCloseTo(2, within(0.01));
        assertThat(latency.millis(99)).isCloseTo(250, within(0.25));
    }

    @Test
    void noSamplesReadAsUnknownAndNegativeOnesAsInstant() {
        Latency latency = new Latency();
        assertThat(latency.millis(99)).isNaN();

        latency.recordNanos(-5);
        assertThat(latency.millis(50)).isZero();
    }
}
