package io.shareflow.bench.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.shareflow.embedded.PostgresServer;
import io.shareflow.localstack.LocalStack;
import org.flywaydb.core.Flyway;

/**
 * {@code share_api_baseline}: a database of the stack's PostgreSQL with share-api's schema (its own Flyway
 * migrations and the outbox's, as share-api runs them) and a copy of what a share reads (the organisation's
 * resources, the directory replica, the sharing policies). The baselines write their shares here, so the pipeline
 * never publishes them: no relay reads this database's outbox.
 */
final class BaselineDatabase implements AutoCloseable {

    static final String NAME = "share_api_baseline";

    private final HikariDataSource pool;

    private BaselineDatabase(HikariDataSource pool) {
        this.pool = pool;
    }

    /**
     * @param poolSize connections, as share-api's Hikari pool has (10 unless configured), so the raw transaction
     *                 runs on the same database resources as the API
     */
    static BaselineDatabase create(LocalStack stack, int poolSize) throws SQLException {
        PostgresServer postgres = stack.postgres();
        String url = postgres.createDatabase(NAME);
        Path migrations = stack.settings().home().resolve("share-api/src/main/resources/db/migration");
        if (!Files.isDirectory(migrations)) {
            throw new IllegalStateException("share-api's migrations are not in " + migrations);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(PostgresServer.USER);
        config.setPassword("");
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(poolSize);
        config.setAutoCommit(false);
        config.setPoolName("baseline");
        HikariDataSource pool = new HikariDataSource(config);
        Flyway.configure().dataSource(pool).locations("classpath:db/outbox", "filesystem:" + migrations)
                .load().migrate();
        DataSource source = postgres.dataSource("share_api");
        // Parents before children (resource.parent_id references resource).
        copy(source, pool, "select * from resource order by created_at, id", "resource");
        copy(source, pool, "select * from directory_user", "directory_user");
        copy(source, pool, "select * from sharing_policy", "sharing_policy");
        return new BaselineDatabase(pool);
    }

    /** The pool, auto-commit off: each write is a transaction its caller commits. */
    DataSource pool() {
        return pool;
    }

    private static void copy(DataSource from, DataSource to, String query, String table) throws SQLException {
        try (Connection source = from.getConnection(); Statement select = source.createStatement();
             ResultSet rows = select.executeQuery(query); Connection target = to.getConnection()) {
            ResultSetMetaData meta = rows.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i));
            }
            String insert = "insert into " + table + " (" + String.join(", ", columns) + ") values ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ") on conflict do nothing";
            try (PreparedStatement ps = target.prepareStatement(insert)) {
                while (rows.next()) {
                    for (int i = 1; i <= columns.size(); i++) {
                        ps.setObject(i, rows.getObject(i), meta.getColumnType(i));
                    }
                    ps.executeUpdate();
                }
            }
            target.commit();
        }
    }

    /** One transaction of {@code write}: what the raw baseline's clients call. */
    Target target(ShareWrite write) {
        return sequence -> java.util.concurrent.CompletableFuture.completedFuture(transaction(write, sequence));
    }

    private int transaction(ShareWrite write, long sequence) {
        try (Connection c = pool.getConnection()) {
            try {
                write.write(c, sequence);
                c.commit();
                return 202;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                return 500;
            }
        } catch (SQLException e) {
            return 503;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
