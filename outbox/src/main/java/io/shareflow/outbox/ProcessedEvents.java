package io.shareflow.outbox;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The processed-event log of an idempotent consumer (Debezium's {@code MessageLog} pattern).
 * Call {@link #markProcessed} first thing in the transactional handler of an event: it records
 * the event id in the same transaction as the handler's effect, so a redelivered or replayed
 * event is recognised and skipped, and a rolled-back handler leaves no mark.
 *
 * <p>Thread-safe. Arguments are non-null.
 */
public class ProcessedEvents {

    private final JdbcClient jdbc;

    public ProcessedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that {@code consumer} processed {@code eventId}.
     *
     * @return {@code true} the first time, {@code false} if it was already processed (skip it)
     * @throws IllegalTransactionStateException if no transaction is active
     */
    public boolean markProcessed(String consumer, UUID eventId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException(
                    "markProcessed needs the transaction of the handler's effect");
        }
        return jdbc.sql("""
                        insert into processed_event (consumer, event_id) values (:consumer, :eventId)
                        on conflict do nothing
                        """)
                .param("consumer", consumer)
                .param("eventId", eventId)
                .update() == 1;
    }
}
