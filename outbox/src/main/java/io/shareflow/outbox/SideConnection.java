package io.shareflow.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A database connection with a thread of its own, so the relay can have the database work while
 * it talks to Kafka. Work runs one statement at a time, in the order submitted, in autocommit.
 * A failed statement closes the connection; the next one opens a new one.
 */
final class SideConnection implements AutoCloseable {

    /** Database work on the side connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final RelayConnectionFactory connections;
    private final ExecutorService thread;
    private Connection connection;

    SideConnection(RelayConnectionFactory connections, String threadName) {
        this.connections = connections;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    <T> CompletableFuture<T> submit(Work<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                if (connection == null || connection.isClosed()) {
                    connection = connections.open();
                    connection.setAutoCommit(true);
                }
                return work.run(connection);
            } catch (SQLException e) {
                closeConnection();
                throw new CompletionException(e);
            }
        }, thread);
    }

    /** The result of submitted work; its failure as the SQLException it was. */
    static <T> T await(CompletableFuture<T> result) throws SQLException {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting for the database", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getCause());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
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
}
