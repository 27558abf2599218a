package io.shareflow.api.status.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A share's status as reads see it: EXPIRED from the instant its expiry passes, unless it is final already. */
class ShareStatusTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @ParameterizedTest(name = "{0}, expiry {1}s from now -> {2}")
    @CsvSource(textBlock = """
            PENDING,             1,   PENDING
            PENDING,             0,   EXPIRED
            PENDING,             -1,  EXPIRED
            ACTIVE,              1,   ACTIVE
            ACTIVE,              -1,  EXPIRED
            NOTIFICATION_FAILED, -1,  EXPIRED
            REJECTED,            -1,  REJECTED
            REVOKED,             -1,  REVOKED
            EXPIRED,             -1,  EXPIRED
            EXPIRED,             1,   EXPIRED
            """)
    void atNow(ShareStatus stored, long expirySeconds, ShareStatus read) {
        assertThat(stored.at(NOW.plusSeconds(expirySeconds), NOW)).isEqualTo(read);
    }

    @ParameterizedTest
    @CsvSource({"PENDING", "ACTIVE", "NOTIFICATION_FAILED", "REJECTED", "REVOKED", "EXPIRED"})
    void withoutExpiryTheStoredStatusIsTheStatus(ShareStatus stored) {
        assertThat(stored.at(null, NOW)).isEqualTo(stored);
    }

    @ParameterizedTest
    @CsvSource({"REVOKED,REJECTED", "REJECTED,EXPIRED", "EXPIRED,ACTIVE"})
    void finalStatusesOutrankEachOtherInTheirOrder(ShareStatus higher, ShareStatus lower) {
        assertThat(higher.rank()).isGreaterThan(lower.rank());
    }
}
