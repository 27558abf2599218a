package io.shareflow.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class OpenLoopScheduleTest {

    @Test
    void requestsAreDueEvenlyWhateverTheAnswersDo() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(300, Duration.ofSeconds(60));

        assertThat(schedule.count()).isEqualTo(18_000);
        assertThat(schedule.dueNanos(0)).isZero();
        assertThat(schedule.dueNanos(1)).isEqualTo(3_333_333);
        assertThat(schedule.dueNanos(300)).isEqualTo(1_000_000_000);
        assertThat(schedule.dueNanos(schedule.count() - 1)).isLessThan(Duration.ofSeconds(60).toNanos());
    }

    @Test
    void aFractionalRateStillCountsOnlyRequestsDueBeforeTheEnd() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(2.5, Duration.ofSeconds(3));

        // Due at 0, 0.4, 0.8, ... 2.8 s: 8 requests; the one at 3.2 s is past the end.
        assertThat(schedule.count()).isEqualTo(8);
        assertThat(schedule.dueNanos(7)).isEqualTo(2_800_000_000L);
    }

    @Test
    void refusesRatesAndDurationsThatScheduleNothing() {
        assertThatThrownBy(() -> new OpenLoopSchedule(0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpenLoopSchedule(Double.NaN, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpenLoopSchedule(10, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
