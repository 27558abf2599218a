package io.shareflow.outbox;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Marks acknowledged outbox rows published on a {@linkplain SideConnection connection and thread
 * of its own}, so the relay sends the next batch while the database records the last one. Marks
 * run one at a time, in the order submitted; {@link #awaitMarked()} returns once every submitted
 * mark has committed.
 *
 * <p>Marking needs no leadership: it only records what the broker already acknowledged, and it is
 * idempotent ({@code published_at is null}), so a mark that lands after another relay took over
 * is still correct.
 */
final class PublishedMarker implements AutoCloseable {

    private final SideConnection side;
    private CompletableFuture<Integer> last = CompletableFuture.completedFuture(0);

    PublishedMarker(RelayConnectionFactory connections) {
        this.side = new SideConnection(connections, "outbox-relay-marker");
    }

    /** Queues a mark; a failure surfaces from the next {@link #awaitMarked()}. */
    void submit(List<Long> seqs) {
        if (seqs.isEmpty()) {
            return;
        }
        CompletableFuture<Integer> previous = last;
        CompletableFuture<Integer> mark = side.submit(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    // "published_at is null" confines the update to the pending partition; the
                    // new value moves each row to the published one.
                    "update outbox_event set published_at = now() where published_at is null and seq = any(?)")) {
                PendingRows.binaryTransfer(ps);
                ps.setArray(1, connection.createArrayOf("bigint", seqs.toArray()));
                return ps.executeUpdate();
            }
        });
        // The earlier failure, if any, is the one to report.
        last = previous.thenCombine(mark, Integer::sum);
    }

    /**
     * Waits until every submitted mark has committed.
     *
     * @throws SQLException if one failed: its rows stay pending and are sent again later
     */
    void awaitMarked() throws SQLException {
        try {
            SideConnection.await(last);
        } finally {
            if (last.isCompletedExceptionally()) {
                last = CompletableFuture.completedFuture(0);
            }
        }
    }

    @Override
    public void close() {
        side.close();
    }
}
