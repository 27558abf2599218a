package io.shareflow.provisioner.attempt.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class AttemptLimitTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private final AttemptLimit limit = new AttemptLimit(3, Duration.ofMinutes(15));

    @Test
    void fewerFailuresThanTheLimitLetTheNextAttemptThrough() {
        assertThat(limit.waitBeforeNextAttempt(List.of(), NOW)).isEmpty();
        assertThat(limit.waitBeforeNextAttempt(failures(2), NOW)).isEmpty();
    }

    @Test
    void atTheLimitTheNextAttemptWaitsUntilTheOldestCountedFailureLeavesTheWindow() {
        List<Instant> failures = List.of(NOW.minusSeconds(600), NOW.minusSeconds(300), NOW.minusSeconds(60));
        assertThat(limit.waitBeforeNextAttempt(failures, NOW)).contains(Duration.ofMinutes(5));

        // With more failures than the limit, the one that must leave is the limit-th newest.
        List<Instant> more = List.of(NOW.minusSeconds(800), NOW.minusSeconds(600), NOW.minusSeconds(300),
                NOW.minusSeconds(60));
        assertThat(limit.waitBeforeNextAttempt(more, NOW)).contains(Duration.ofMinutes(5));
    }

    @Test
    void theWaitIsNeverZero() {
        List<Instant> failures = failures(3).stream().map(f -> NOW.minus(Duration.ofMinutes(15))).toList();
        assertThat(limit.waitBeforeNextAttempt(failures, NOW)).contains(Duration.ofMillis(1));
        assertThat(limit.windowStart(NOW)).isEqualTo(NOW.minus(Duration.ofMinutes(15)));
    }

    @Test
    void refusesALimitThatAllowsNothing() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AttemptLimit(0, Duration.ofMinutes(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new AttemptLimit(1, Duration.ZERO));
    }

    private static List<Instant> failures(int n) {
        return IntStream.range(0, n).mapToObj(i -> NOW.minusSeconds(60L * (n - i))).toList();
    }
}
