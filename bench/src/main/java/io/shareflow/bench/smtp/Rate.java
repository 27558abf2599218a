package io.shareflow.bench.smtp;

import java.time.Duration;
import java.util.Objects;

/**
 * A send rate: {@code count} e-mails in {@code elapsed}.
 *
 * @param count   how many e-mails the interval holds, not negative
 * @param elapsed the interval, not null, not negative
 */
public record Rate(long count, Duration elapsed) {

    public Rate {
        Objects.requireNonNull(elapsed, "elapsed");
        if (count < 0 || elapsed.isNegative()) {
            throw new IllegalArgumentException("A rate is a count and an interval, neither negative: " + count + " in "
                    + elapsed);
        }
    }

    /** E-mails per second; 0 for an empty count, infinite for a count in no time at all. */
    public double perSecond() {
        if (count == 0) {
            return 0;
        }
        long nanos = elapsed.toNanos();
        return nanos == 0 ? Double.POSITIVE_INFINITY : count * 1e9 / nanos;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.1f e-mails/s (%d in %d ms)", perSecond(), count,
                elapsed.toMillis());
    }
}
