package io.shareflow.support.kafka;

import java.util.List;

import io.shareflow.support.Causes;

import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * A record as it was dead-lettered, for a {@link DeadLetterFollowUp}.
 *
 * @param topic   the topic it was consumed from (not the {@code .dlt})
 * @param key     its key as deserialized; may be null
 * @param value   what the listener received (usually an Avro event); null when the record could not be read
 * @param failure why it was given up on, spring-kafka's listener wrapper removed
 */
public record DeadLetter(String topic, int partition, long offset, Object key, Object value, Exception failure) {

    private static final int MAX_REASON_LENGTH = 500;

    /** From what the recoverer was handed; a raw value (unreadable bytes) counts as none. */
    static DeadLetter of(String topic, int partition, long offset, Object key, Object value, Exception failure) {
        Exception unwrapped = failure instanceof ListenerExecutionFailedException && failure.getCause() instanceof Exception cause
                ? cause : failure;
        return new DeadLetter(topic, partition, offset, key, value instanceof byte[] ? null : value, unwrapped);
    }

    /**
     * The failure in words for a report on it: the exception that started it (the innermost cause), its type and
     * message, at most 500 characters, e.g. {@code Dead-lettered after the retries: PSQLException: ERROR: refused}.
     */
    public String reason() {
        List<Throwable> chain = Causes.chain(failure);
        Throwable root = chain.isEmpty() ? null : chain.get(chain.size() - 1);
        String reason = "Dead-lettered after the retries: " + (root == null ? "no failure given"
                : root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage()));
        return reason.length() > MAX_REASON_LENGTH ? reason.substring(0, MAX_REASON_LENGTH - 1) + "…" : reason;
    }
}
