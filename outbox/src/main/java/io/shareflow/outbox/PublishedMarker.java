package io.shareflow.outbox;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Marks acknowledged outbox rows published on a {@linkplain SideConnection connection and thread
 * of its own}, so the relay sends the next batch while the database records the last one; it also
 * parks the rows Kafka refused for good. Marks run one at a time, in the order submitted;
 * {@link #awaitMarked()} returns once every submitted mark has committed.
 *
 * <p>Marking needs no leadership: it only records what the broker already acknowledged, and it is
 * idempotent ({@code published_at is null}), so a mark that lands after another relay took over
 * is still correct.
 */
final class PublishedMarker implements AutoCloseable {

    private final SideConnection side;
    /** Completes when every mark submitted so far has ended, with the first failure or null. */
    private CompletableFuture<Throwable> allEnded = CompletableFuture.completedFuture(null);

    PublishedMarker(RelayConnectionFactory connections) {
        this.side = new SideConnection(connections, "outbox-relay-marker");
    }

    /** Queues a mark; a failure surfaces from the next {@link #awaitMarked()}. */
    void submit(List<Long> seqs) {
        if (seqs.isEmpty()) {
            return;
        }
        queue(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    // "published_at is null" confines the update to the pending partition; the
                    // new value moves each row to the published one.
                    "update outbox_event set published_at = now() where published_at is null and seq = any(?)")) {
                PendingRows.binaryTransfer(ps);
                ps.setArray(1, connection.createArrayOf("bigint", seqs.toArray()));
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Queues moving rows that Kafka refused for good to {@code outbox_event_parked}, each with its
     * error, in one statement; like a mark, it is ordered with the marks and awaited with them.
     */
    void park(List<ParkedRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        queue(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    with parked as (
                        delete from outbox_event where published_at is null and seq = any(?) returning *)
                    insert into outbox_event_parked
                        (seq, id, aggregatetype, aggregateid, type, payload, headers, topic, created_at, error)
                    select p.seq, p.id, p.aggregatetype, p.aggregateid, p.type, p.payload, p.headers, p.topic,
                           p.created_at, e.error
                    from parked p join unnest(?::bigint[], ?::text[]) as e(seq, error) on e.seq = p.seq
                    """)) {
                Array seqs = connection.createArrayOf("bigint", rows.stream().map(ParkedRow::seq).toArray());
                ps.setArray(1, seqs);
                ps.setArray(2, seqs);
                ps.setArray(3, connection.createArrayOf("text", rows.stream().map(ParkedRow::error).toArray()));
                return ps.executeUpdate();
            }
        });
    }

    /** A row Kafka refused for good, and why. */
    record ParkedRow(long seq, String error) {
    }

    private void queue(SideConnection.Work<Integer> work) {
        CompletableFuture<Integer> done = side.submit(work);
        // Waits for every statement, even after one failed, and keeps the first failure.
        allEnded = allEnded.thenCombine(done.handle((count, failure) -> failure),
                (earlier, failure) -> earlier != null ? earlier : failure);
    }

    /**
     * Waits until every submitted mark has committed.
     *
     * @throws SQLException if one failed: its rows stay pending and are sent again later
     */
    void awaitMarked() throws SQLException {
        Throwable failure = SideConnection.await(allEnded);
        allEnded = CompletableFuture.completedFuture(null);
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            throw cause instanceof SQLException sql ? sql : new SQLException("Could not mark outbox rows published", cause);
        }
    }

    @Override
    public void close() {
        side.close();
    }
}
