package io.shareflow.api.limits.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class MinuteWindowTest {

    @Test
    void theWindowIsTheMinuteOfTheClock() {
        MinuteWindow window = MinuteWindow.of(Instant.parse("2027-01-31T10:15:42.250Z"));
        assertThat(window.start()).isEqualTo(Instant.parse("2027-01-31T10:15:00Z"));
        assertThat(window.end()).isEqualTo(Instant.parse("2027-01-31T10:16:00Z"));
        assertThat(MinuteWindow.of(Instant.parse("2027-01-31T10:16:00Z")).start()).isEqualTo(window.end());
    }

    @Test
    void untilNextIsWhatIsLeftOfTheMinute() {
        Instant now = Instant.parse("2027-01-31T10:15:42.250Z");
        assertThat(MinuteWindow.of(now).untilNext(now)).isEqualTo(Duration.ofMillis(17_750));
        Instant start = Instant.parse("2027-01-31T10:15:00Z");
        assertThat(MinuteWindow.of(start).untilNext(start)).isEqualTo(Duration.ofMinutes(1));
        assertThat(MinuteWindow.of(start).untilNext(start.plusSeconds(60))).isEqualTo(Duration.ofMillis(1));
    }
}
