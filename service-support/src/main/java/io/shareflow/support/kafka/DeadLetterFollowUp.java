package io.shareflow.support.kafka;

/**
 * What a service does once a record it consumed was written to {@code <topic>.dlt}: the dead-letter topic keeps the
 * record, but the work the record asked for is still undone, and whoever waits for its answer would wait for ever
 * (DESIGN.md "No share stuck"). Each bean of this type is called, on the consumer thread, after the record was
 * published to the dead-letter topic — never when that publishing failed (then the record is retried) — with the
 * value the listener received, or none when the record could not be read.
 *
 * <p>A follow-up must not depend on being called: it is best effort. What it throws is logged at ERROR and
 * otherwise ignored (the partition goes on, the record stays dead-lettered), and a record dead-lettered twice (a
 * redelivery after a rebalance) is followed up twice, so a follow-up that publishes guards itself with a
 * processed-event mark of its own. Unreadable records carry no event, so nothing can be answered for them; the
 * service that waits needs a net of its own for those (share-api's stuck-share sweep).
 */
@FunctionalInterface
public interface DeadLetterFollowUp {

    void deadLettered(DeadLetter letter);
}
