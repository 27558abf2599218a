package io.shareflow.outbox;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;

/**
 * Send failures that no retry can cure, because they are about the row itself: too large for
 * the producer or the broker, an invalid topic name, or a record the broker will not take.
 * Everything else (timeouts, a lost leader, authorisation, a missing topic) is the
 * infrastructure's and may pass, so such rows stay pending.
 */
final class PermanentSendFailures {

    private PermanentSendFailures() {
    }

    static boolean isPermanent(Exception failure) {
        return failure instanceof RecordTooLargeException
                || failure instanceof InvalidTopicException
                || failure instanceof InvalidRecordException;
    }

    /** What the parked row records: the exception's class and message. */
    static String describe(Exception failure) {
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
