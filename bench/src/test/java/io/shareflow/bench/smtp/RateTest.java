package io.shareflow.bench.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RateTest {

    @Test
    void perSecondIsTheCountOverTheInterval() {
        assertThat(new Rate(600, Duration.ofMillis(1500)).perSecond()).isEqualTo(400.0);
        assertThat(new Rate(0, Duration.ZERO).perSecond()).isZero();
        assertThat(new Rate(3, Duration.ZERO).perSecond()).isInfinite();
    }

    @Test
    void neitherPartIsNegative() {
        assertThatThrownBy(() -> new Rate(-1, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rate(1, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRatioIsTheNotifiersRateOverTheRawLoops() {
        NotifierSendRate.Result result = new NotifierSendRate.Result(new Rate(150, Duration.ofSeconds(1)),
                new Rate(600, Duration.ofSeconds(1)));
        assertThat(result.ratio()).isEqualTo(0.25);
    }
}
