package io.shareflow.support.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.listener.RetryListener;

/**
 * Logs every failed delivery caused by an {@linkplain InfrastructureFailures infrastructure failure} at WARN:
 * where the partition waits, which attempt it was and why, in one line without a stack trace. During an
 * outage a partition retries for minutes or hours; with the wait capped at {@code infrastructure-max-backoff}
 * that is one line per partition per interval, and a stack trace each time would bury everything else.
 *
 * <p>Ordinary failures are not logged here: their retries are short, and the dead-letter recoverer logs the
 * one that gives up, with its stack trace.
 */
final class InfrastructureRetryLogger implements RetryListener {

    private static final Logger log = LoggerFactory.getLogger(InfrastructureRetryLogger.class);

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
        Throwable cause = InfrastructureFailures.infrastructureCause(failure);
        if (cause == null || !log.isWarnEnabled()) {
            return;
        }
        Throwable root = InfrastructureFailures.rootCause(cause);
        log.warn("Infrastructure failure on {}-{}@{} (delivery attempt {}), retrying until it succeeds: {}{}",
                record.topic(), record.partition(), record.offset(), deliveryAttempt, cause,
                root == cause ? "" : " (root cause: " + root + ")");
    }
}
