package io.shareflow.notifier.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void backsOffExponentiallyUpToTheMaximum() {
        RetryPolicy policy = new RetryPolicy(new RetrySettings(8, Duration.ofSeconds(30), 2.0, Duration.ofMinutes(5)));

        assertThat(IntStream.rangeClosed(1, 7).mapToObj(policy::backoffAfter)).containsExactly(
                Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofMinutes(5));
    }

    @Test
    void givesUpAfterMaxAttempts() {
        RetryPolicy policy = new RetryPolicy(new RetrySettings(3, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10)));

        assertThat(policy.exhausted(2)).isFalse();
        assertThat(policy.exhausted(3)).isTrue();
    }

    @Test
    void survivesHugeAttemptCounts() {
        RetryPolicy policy = new RetryPolicy(new RetrySettings(5000, Duration.ofSeconds(1), 10.0, Duration.ofHours(1)));

        assertThat(policy.backoffAfter(4000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new RetrySettings(0, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySettings(3, Duration.ofSeconds(1), 0.5, Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySettings(3, Duration.ofSeconds(10), 2.0, Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
