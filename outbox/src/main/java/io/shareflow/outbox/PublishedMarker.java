package io.shareflow.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.postgresql.PGStatement;

/**
 * Marks acknowledged outbox rows published on a connection and thread of its own, so the relay
 * sends the next batch while the database records the last one. Marks run one at a time, in the
 * order they were submitted; {@link #awaitMarked()} returns once every submitted mark has
 * committed, which the relay needs before it reads pending rows again.
 *
 * <p>Marking needs no leadership: it only records what the broker already acknowledged, and it is
 * idempotent ({@code published_at is null}), so a mark that lands after another relay took over
 * is still correct.
 */
final class PublishedMarker implements AutoCloseable {

    private final RelayConnectionFactory connections;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "outbox-relay-marker");
        t.setDaemon(true);
        return t;
    });
    private CompletableFuture<Void> last = CompletableFuture.completedFuture(null);
    private Connection connection;

    PublishedMarker(RelayConnectionFactory connections) {
        this.connections = connections;
    }

    /** Queues a mark; a failure surfaces from the next {@link #awaitMarked()}. */
    void submit(List<Long> seqs) {
        if (seqs.isEmpty()) {
            return;
        }
        CompletableFuture<Void> previous = last;
        last = previous.thenRunAsync(() -> mark(seqs), thread);
    }

    /**
     * Waits until every submitted mark has committed.
     *
     * @throws SQLException if one failed: its rows stay pending and are sent again later
     */
    void awaitMarked() throws SQLException {
        try {
            last.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while marking outbox rows published", e);
        } catch (ExecutionException e) {
            last = CompletableFuture.completedFuture(null);
            throw e.getCause().getCause() instanceof SQLException sql ? sql
                    : new SQLException("Could not mark outbox rows published", e.getCause());
        }
    }

    private void mark(List<Long> seqs) {
        try {
            if (connection == null || connection.isClosed()) {
                connection = connections.open();
                connection.setAutoCommit(true);
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    // "published_at is null" confines the update to the pending partition; the
                    // new value moves each row to the published one.
                    "update outbox_event set published_at = now() where published_at is null and seq = any(?)")) {
                ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
                ps.setArray(1, connection.createArrayOf("bigint", seqs.toArray()));
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            closeConnection();
            throw new MarkFailed(e);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeConnection();
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Already broken; nothing left to release.
            }
            connection = null;
        }
    }

    /** Carries the SQLException out of the marker thread. */
    private static final class MarkFailed extends RuntimeException {
        MarkFailed(SQLException cause) {
            super(cause);
        }
    }
}
