package io.shareflow.bench.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import io.shareflow.embedded.mail.CapturedMessage;
import org.junit.jupiter.api.Test;

class NotifierSendRateTest {

    private static final Instant T0 = Instant.parse("2026-12-02T12:00:00Z");

    @Test
    void theSteadyStateLeavesOutASlowStartAndATail() {
        List<Instant> arrivals = new ArrayList<>();
        // 10 slow ones during start-up (one a second), then 80 at 100/s (10 ms apart), then a tail of 10 one a second.
        for (int i = 0; i < 10; i++) {
            arrivals.add(T0.plusSeconds(i));
        }
        Instant steady = T0.plusSeconds(10);
        for (int i = 0; i < 80; i++) {
            arrivals.add(steady.plusMillis(10L * i));
        }
        Instant tail = steady.plusMillis(800);
        for (int i = 0; i < 10; i++) {
            arrivals.add(tail.plusSeconds(i + 1));
        }
        Collections.shuffle(arrivals, new Random(14));

        Rate rate = NotifierSendRate.steadyState(arrivals);

        // From arrival #10 (the first steady one) to #89 (the last steady one): 79 intervals of 10 ms.
        assertThat(rate.count()).isEqualTo(79);
        assertThat(rate.elapsed()).isEqualTo(Duration.ofMillis(790));
        assertThat(rate.perSecond()).isEqualTo(100.0);
    }

    @Test
    void aSteadyStateNeedsEnoughEmails() {
        assertThatThrownBy(() -> NotifierSendRate.steadyState(List.of(T0, T0.plusSeconds(1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEmailsOfTheMeasurementAreThoseCaughtAfterItBegan() {
        List<CapturedMessage> caught = List.of(message("3"), message("12"), message("1"), message("10"));

        assertThat(NotifierSendRate.lastId(caught.subList(0, 3))).isEqualTo(12);
        assertThat(NotifierSendRate.after(caught, 3)).extracting(CapturedMessage::id).containsExactly("10", "12");
        assertThat(NotifierSendRate.lastId(List.of())).isZero();
    }

    private static CapturedMessage message(String id) {
        return new CapturedMessage(id, "<" + id + "@x>", "a@x", List.of("b@x"), "s", "t", "h", T0);
    }
}
