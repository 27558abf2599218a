package io.shareflow.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The one precision of every stored or published timestamp: milliseconds, what Avro's
 * {@code timestamp-millis} keeps (PostgreSQL keeps microseconds). The services' clock ticks in milliseconds
 * already; this is for instants that come from elsewhere, such as a client's {@code expiresAt}, so that a
 * response equals what a later read returns.
 */
public final class StoredTime {

    private StoredTime() {
    }

    /** {@code instant} truncated to milliseconds; null stays null. */
    public static Instant of(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
