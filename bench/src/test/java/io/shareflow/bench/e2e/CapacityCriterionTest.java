package io.shareflow.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;

import org.junit.jupiter.api.Test;

class CapacityCriterionTest {

    private static final Duration STEP = Duration.ofSeconds(60);
    private final CapacityCriterion criterion = CapacityCriterion.DEFAULT;

    @Test
    void aBacklogThatHoversIsFlat() {
        // Pipeline at pace: a few hundred in flight, up and down.
        List<CapacityCriterion.Sample> samples = samples(t -> 300 + (t % 3) * 40);

        CapacityCriterion.Verdict verdict = criterion.judge(450, STEP, samples, Duration.ofSeconds(2), 1.0);

        assertThat(verdict.flat()).isTrue();
        assertThat(verdict.slopePerSecond()).isCloseTo(0, within(3.0));
    }

    @Test
    void aBacklogGrowingByMoreThanFivePercentOfTheOfferedRateIsNot() {
        // 450/s offered, 400/s finished: grows by 50/s > 22.5/s.
        List<CapacityCriterion.Sample> samples = samples(t -> 50 * t);

        CapacityCriterion.Verdict verdict = criterion.judge(450, STEP, samples, Duration.ofSeconds(8), 1.0);

        assertThat(verdict.slopePerSecond()).isCloseTo(50, within(1e-9));
        assertThat(verdict.flat()).isFalse();
    }

    @Test
    void aStartUpRampInTheFirstThirdIsIgnored() {
        // Grows fast for 20 s while the consumers catch up, then holds at 2,000.
        List<CapacityCriterion.Sample> samples = samples(t -> t < 20 ? 100 * t : 2_000);

        assertThat(criterion.judge(450, STEP, samples, Duration.ofSeconds(5), 1.0).flat()).isTrue();
    }

    @Test
    void aSlowGrowthStillFailsWhenTheBacklogDoesNotDrainInTime() {
        List<CapacityCriterion.Sample> samples = samples(t -> 20 * t);

        assertThat(criterion.judge(450, STEP, samples, Duration.ofSeconds(11), 1.0).flat()).isFalse();
        assertThat(criterion.judge(450, STEP, samples, null, 1.0).flat()).isFalse();
        assertThat(criterion.judge(450, STEP, samples, Duration.ofSeconds(10), 1.0).flat()).isTrue();
    }

    @Test
    void aStepTheApiDidNotAcceptIsNotKeptUpWith() {
        // Nothing accepted, nothing in the backlog: flat, drained, and yet not kept up with.
        List<CapacityCriterion.Sample> samples = samples(t -> 0);

        assertThat(criterion.judge(450, STEP, samples, Duration.ZERO, 0.0).flat()).isFalse();
        assertThat(criterion.judge(450, STEP, samples, Duration.ZERO, 0.985).flat()).isFalse();
        assertThat(criterion.judge(450, STEP, samples, Duration.ZERO, 0.995).flat()).isTrue();
    }

    @Test
    void theSlopeIsTheLeastSquaresFit() {
        List<CapacityCriterion.Sample> samples = List.of(new CapacityCriterion.Sample(0, 1),
                new CapacityCriterion.Sample(1, 3), new CapacityCriterion.Sample(2, 2), new CapacityCriterion.Sample(3, 6));

        // x̄ = 1.5, ȳ = 3; Σ(x-x̄)(y-ȳ) = 3 + 0 - 0.5 + 4.5 = 7, Σ(x-x̄)² = 5.
        assertThat(CapacityCriterion.slope(samples)).isCloseTo(1.4, within(1e-12));
        assertThat(CapacityCriterion.slope(samples.subList(0, 1))).isNaN();
    }

    /** One sample a second for the whole step. */
    private static List<CapacityCriterion.Sample> samples(LongUnaryOperator backlog) {
        List<CapacityCriterion.Sample> samples = new ArrayList<>();
        for (long t = 1; t <= STEP.toSeconds(); t++) {
            samples.add(new CapacityCriterion.Sample(t, backlog.applyAsLong(t)));
        }
        return samples;
    }
}
