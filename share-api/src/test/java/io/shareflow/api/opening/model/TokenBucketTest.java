package io.shareflow.api.opening.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final Instant START = Instant.parse("2027-01-01T12:00:00Z");

    @Test
    void allowsTheCapacityAtOnceThenRefillsEvenly() {
        TokenBucket bucket = new TokenBucket(3, Duration.ofMinutes(1), START);
        assertThat(bucket.take(START)).isEmpty();
        assertThat(bucket.take(START)).isEmpty();
        assertThat(bucket.take(START)).isEmpty();
        // One attempt every 20 s on average.
        assertThat(bucket.take(START)).contains(Duration.ofSeconds(20));
        assertThat(bucket.take(START.plusSeconds(5))).contains(Duration.ofSeconds(15));
        assertThat(bucket.take(START.plusSeconds(20))).isEmpty();
        assertThat(bucket.take(START.plusSeconds(20))).isPresent();
    }

    @Test
    void neverHoldsMoreThanItsCapacity() {
        TokenBucket bucket = new TokenBucket(2, Duration.ofMinutes(1), START);
        Instant later = START.plus(Duration.ofHours(1));
        assertThat(bucket.take(later)).isEmpty();
        assertThat(bucket.take(later)).isEmpty();
        assertThat(bucket.take(later)).isPresent();
    }
}
