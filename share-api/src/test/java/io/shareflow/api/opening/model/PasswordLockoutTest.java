package io.shareflow.api.opening.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class PasswordLockoutTest {

    private static final Instant NOW = Instant.parse("2027-01-01T12:00:00Z");
    private final PasswordLockout lockout = new PasswordLockout(5, Duration.ofMinutes(15));

    private static List<Instant> minutesAgo(int... minutes) {
        return IntStream.of(minutes).mapToObj(m -> NOW.minus(Duration.ofMinutes(m))).toList();
    }

    @Test
    void fourFailuresDoNotLock() {
        assertThat(lockout.lockedFor(minutesAgo(1, 2, 3, 4), NOW)).isEmpty();
    }

    @Test
    void fiveWithinTheWindowLockUntilTheOldestLeavesIt() {
        assertThat(lockout.lockedFor(minutesAgo(10, 1, 2, 3, 4), NOW)).contains(Duration.ofMinutes(5));
    }

    @Test
    void failuresOutsideTheWindowDoNotCount() {
        assertThat(lockout.lockedFor(minutesAgo(15, 16, 1, 2, 3), NOW)).isEmpty();
        assertThat(lockout.windowStart(NOW)).isEqualTo(NOW.minus(Duration.ofMinutes(15)));
    }

    @Test
    void moreThanTheLimitLockUntilOnlyOneFewerRemains() {
        // Six failures: locked until the second oldest (12 minutes ago) leaves, in 3 minutes.
        assertThat(lockout.lockedFor(minutesAgo(14, 12, 3, 2, 1, 0), NOW)).contains(Duration.ofMinutes(3));
    }

    @Test
    void theWaitIsAtLeastOneSecond() {
        List<Instant> failures = List.of(NOW.minus(Duration.ofMinutes(15)).plusMillis(10), NOW, NOW, NOW, NOW);
        assertThat(lockout.lockedFor(failures, NOW)).contains(Duration.ofSeconds(1));
    }
}
