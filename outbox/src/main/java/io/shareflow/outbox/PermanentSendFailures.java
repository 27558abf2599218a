package io.shareflow.outbox;

import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;

/**
 * Send failures that no retry can cure, because they are about the row itself: too large for
 * the producer or the broker, or an invalid topic name. Everything else (timeouts, a lost leader,
 * authorisation, a missing topic) is the infrastructure's and may pass, so such rows stay
 * pending. The broker's INVALID_RECORD is not here: broker-side validators also answer it for
 * conditions that pass. A too-large row can become sendable by a configuration change (and a
 * relay of an older configuration may park what a newer one could send): the runbook re-queues it.
 */
final class PermanentSendFailures {

    private PermanentSendFailures() {
    }

    static boolean isPermanent(Exception failure) {
        return failure instanceof RecordTooLargeException || failure instanceof InvalidTopicException;
    }

    /** What the parked row records: the exception's class and message. */
    static String describe(Exception failure) {
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
