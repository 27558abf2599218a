package io.shareflow.api.status.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One invitation's state (a direct share's, or one link recipient's) after each report, from every state. */
class NotificationTest {

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource(textBlock = """
            # before, outcome, after
            PENDING,  SENT,    SENT
            PENDING,  FAILED,  FAILED
            PENDING,  SKIPPED, SKIPPED
            PENDING,  PENDING, PENDING
            # A failure may still become a success (a re-send), or fail again.
            FAILED,   SENT,    SENT
            FAILED,   SKIPPED, SKIPPED
            FAILED,   FAILED,  FAILED
            FAILED,   PENDING, FAILED
            # Nothing replaces a success, least of all a late failure.
            SENT,     FAILED,  SENT
            SENT,     SKIPPED, SENT
            SENT,     PENDING, SENT
            SENT,     SENT,    SENT
            SKIPPED,  SENT,    SKIPPED
            SKIPPED,  FAILED,  SKIPPED
            SKIPPED,  PENDING, SKIPPED
            SKIPPED,  SKIPPED, SKIPPED
            """)
    void eachReportFromEachState(Notification before, Notification outcome, Notification after) {
        assertThat(before.after(outcome)).isEqualTo(after);
        // A replayed report changes nothing the second time.
        assertThat(after.after(outcome)).isEqualTo(after);
    }
}
