package io.shareflow.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
    private final String name;
    private final String sessionSettings;
    private final ExecutorService thread;
    /** Used by the worker thread only, and by {@link #close()} once that thread has ended. */
    private volatile Connection connection;

    SideConnection(RelayConnectionFactory connections, String threadName) {
        this(connections, threadName, null);
    }

    /**
     * @param threadName      also the connection's {@code application_name}, so that
     *                        {@code pg_stat_activity} tells the relay's connections apart
     * @param sessionSettings SQL run on each new connection, e.g. {@code set ...}; may be null
     */
    SideConnection(RelayConnectionFactory connections, String threadName, String sessionSettings) {
        this.connections = connections;
        this.name = threadName;
        this.sessionSettings = sessionSettings;
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
                    connection.setClientInfo("ApplicationName", name);
                    if (sessionSettings != null) {
                        try (Statement s = connection.createStatement()) {
                            s.execute(sessionSettings);
                        }
                    }
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

    /** Lets the running statement finish (queued work is dropped), then closes the connection. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                return; // still in a statement; the daemon thread keeps the connection until it ends
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
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
