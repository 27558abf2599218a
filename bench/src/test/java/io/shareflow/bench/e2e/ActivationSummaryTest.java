package io.shareflow.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.shareflow.bench.e2e.Activations.Activation;
import org.junit.jupiter.api.Test;

class ActivationSummaryTest {

    private static final Instant START = Instant.parse("2026-12-02T10:00:00Z");
    private static final Instant END = START.plusSeconds(2);

    @Test
    void summarisesCreatedToActivePerShareAndPerSecondOfCreation() {
        List<Activation> activations = List.of(
                share(0.1, 0.15), share(0.5, 0.6), share(1.2, 1.3), share(1.9, 2.4));

        ActivationSummary summary = ActivationSummary.of(activations, START, END, END.plusSeconds(10));

        assertThat(summary.shares()).isEqualTo(4);
        assertThat(summary.active()).isEqualTo(4);
        assertThat(summary.latency().millis(99)).isCloseTo(500, within(0.5));
        assertThat(summary.lastActiveAfterEnd()).isEqualTo(Duration.ofMillis(400));
        assertThat(summary.allActiveWithin(Duration.ofSeconds(5))).isTrue();
        assertThat(summary.perSecond()).extracting(ActivationSummary.SecondPoint::second).containsExactly(0L, 1L);
        assertThat(summary.perSecond().get(0).p99Millis()).isCloseTo(100, within(0.1));
        assertThat(summary.perSecond().get(1).p99Millis()).isCloseTo(500, within(0.5));
    }

    @Test
    void aShareNotActiveCountsWithWhatItWaitedSoFarAndFailsTheDeadline() {
        List<Activation> activations = List.of(share(0.1, 0.2),
                new Activation(START.plusMillis(1_000), null));

        ActivationSummary summary = ActivationSummary.of(activations, START, END, END.plusSeconds(9));

        assertThat(summary.active()).isEqualTo(1);
        assertThat(summary.latency().maxMillis()).isCloseTo(10_000, within(10.0));
        assertThat(summary.perSecond().get(1).notActive()).isEqualTo(1);
        assertThat(summary.allActiveWithin(Duration.ofSeconds(5))).isFalse();
    }

    @Test
    void allActiveButTooLateFailsTheDeadline() {
        ActivationSummary summary = ActivationSummary.of(List.of(share(1.0, 7.5)), START, END, END.plusSeconds(9));

        assertThat(summary.lastActiveAfterEnd()).isEqualTo(Duration.ofMillis(5_500));
        assertThat(summary.allActiveWithin(Duration.ofSeconds(5))).isFalse();
    }

    private static Activation share(double createdSecond, double activeSecond) {
        return new Activation(START.plusMillis((long) (createdSecond * 1000)), START.plusMillis((long) (activeSecond * 1000)));
    }
}
