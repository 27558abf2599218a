package io.shareflow.notifier.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the send log is worked off, prefix {@code shareflow.notifier.dispatch}.
 *
 * @param workers               threads sending a batch's e-mails in parallel, each over its own SMTP connection, so
 *                              one slow SMTP conversation does not hold up the rest; at least 1
 * @param batchSize             due notifications per worker in one batch: the batch claims up to
 *                              {@code workers × batchSize}, sends them and commits them together. Also the most
 *                              e-mails each worker can send twice when its instance dies mid-batch (at-least-once); at
 *                              least 1
 * @param batchTimeLimit        how long a batch may hold its rows (and its transaction): what is not sent by then goes
 *                              back unsent, due as before, when the batch commits. Bounds how long a slow SMTP server
 *                              keeps rows from other instances and a revocation waiting
 * @param pollInterval          how often an idle dispatcher looks for due retries; new notifications wake it at once
 * @param connectionIdleTimeout how long a worker keeps its SMTP connection open without work before it says QUIT
 */
@ConfigurationProperties("shareflow.notifier.dispatch")
public record DispatchSettings(
        @DefaultValue("4") int workers,
        @DefaultValue("50") int batchSize,
        @DefaultValue("10s") Duration batchTimeLimit,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("5s") Duration connectionIdleTimeout) {

    public DispatchSettings {
        if (workers < 1) {
            throw new IllegalArgumentException("shareflow.notifier.dispatch.workers must be at least 1");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("shareflow.notifier.dispatch.batch-size must be at least 1");
        }
        if (batchTimeLimit.isNegative() || batchTimeLimit.isZero()) {
            throw new IllegalArgumentException("shareflow.notifier.dispatch.batch-time-limit must be positive");
        }
    }
}
