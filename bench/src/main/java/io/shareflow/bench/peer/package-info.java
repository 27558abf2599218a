/**
 * The outbox relay's library peer: namastack-outbox 1.6.0 draining the same backlog.
 * <p>
 * {@link io.shareflow.bench.peer.NamastackOutboxPeer} starts a small Spring Boot application
 * ({@link io.shareflow.bench.peer.PeerApplication}) on the given PostgreSQL and broker: namastack's
 * JDBC starter auto-configured on Boot's DataSource (its schema created by namastack itself), and
 * one handler, {@link io.shareflow.bench.peer.KafkaTemplateOutboxHandler}, that sends each record
 * with {@code KafkaTemplate} and waits for the acknowledgement, as namastack-outbox-kafka's handler
 * does (that module is not on Maven Central at 1.6.0). The producer has the relay's settings
 * ({@code OutboxRelay.producerDefaults()}: idempotent, {@code acks=all}, {@code linger.ms=5},
 * 128 KiB batches). The backlog is the relay benchmark's (a ~400-byte Avro {@code ShareRequested}
 * with its CloudEvents headers over 1,000 keys), written through namastack's own
 * {@code Outbox.schedule} before its processing scheduler starts; the drain is timed from the
 * scheduler's start until every record is sent and marked {@code COMPLETED}.
 * <p>
 * How namastack drains, and why it is slower than the relay: a poll loads up to
 * {@code batch-size} record keys, each key is one task on the processing executor, and a task
 * handles its key's records one at a time: the handler's send waits for the broker's
 * acknowledgement (namastack marks a record completed when the handler returns, so an
 * at-least-once handler must wait), then the record is saved in its own transaction (an
 * {@code UPDATE} of every column, payload included). A record costs a Kafka round trip and a
 * commit; only the executor's threads run in parallel. The relay sends a whole batch before it
 * waits and marks a batch per statement.
 * <p>
 * {@link io.shareflow.bench.peer.PeerDrainComparison} runs both drains interleaved and prints the
 * rates and their ratio; with {@code -Dbench.peer.sweep=true} it first tries namastack's settings
 * ({@link io.shareflow.bench.peer.PeerTuning}).
 */
package io.shareflow.bench.peer;
