package io.shareflow.bench.profile;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

/**
 * The statements PostgreSQL ran in a measured stretch, from {@code pg_stat_statements} (the embedded server preloads
 * it): how often each ran per share and the time it took, across all databases of the server. Its time includes
 * waiting for row locks, which is how a queue on one row shows up.
 */
public final class StatementProfile {

    /** One statement: the database, how often per share, its total and mean time, and its text cut to a line. */
    public record Row(String database, double callsPerShare, double totalMillis, double meanMillis, String query) {
    }

    private final DataSource admin;

    /** @param admin a connection to any database of the server, as a user that may reset the statistics */
    public StatementProfile(DataSource admin) {
        this.admin = admin;
    }

    /** Installs the view (once per server) and forgets what was counted so far. */
    public void reset() {
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
            s.execute("select pg_stat_statements_reset()");
        } catch (SQLException e) {
            throw new IllegalStateException("pg_stat_statements is not available: " + e.getMessage(), e);
        }
    }

    /** The {@code limit} statements that took the most time since {@link #reset()}, per share of {@code shares}. */
    public List<Row> top(int limit, long shares) {
        String sql = """
                select d.datname, s.calls, s.total_exec_time, s.query
                from pg_stat_statements s join pg_database d on d.oid = s.dbid
                where s.query not like '%pg_stat_statements%'
                order by s.total_exec_time desc limit ?""";
        List<Row> rows = new ArrayList<>();
        try (Connection c = admin.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long calls = rs.getLong(2);
                    double total = rs.getDouble(3);
                    rows.add(new Row(rs.getString(1), calls / (double) Math.max(1, shares), total,
                            calls == 0 ? 0 : total / calls, oneLine(rs.getString(4))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("pg_stat_statements cannot be read: " + e.getMessage(), e);
        }
        return rows;
    }

    /** Statements per share in all, from the same view. */
    public double statementsPerShare(long shares) {
        try (Connection c = admin.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select coalesce(sum(calls), 0) from pg_stat_statements "
                     + "where query not like '%pg_stat_statements%'")) {
            rs.next();
            return rs.getLong(1) / (double) Math.max(1, shares);
        } catch (SQLException e) {
            throw new IllegalStateException("pg_stat_statements cannot be read: " + e.getMessage(), e);
        }
    }

    public static String format(List<Row> rows) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-17s %9s %9s %8s  %s%n", "database",
                "per share", "total ms", "mean ms", "statement"));
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "%-17s %9.2f %9.0f %8.3f  %s%n", r.database(), r.callsPerShare(),
                    r.totalMillis(), r.meanMillis(), r.query()));
        }
        return out.toString();
    }

    static String oneLine(String query) {
        String line = query.replaceAll("\\s+", " ").trim();
        return line.length() <= 100 ? line : line.substring(0, 99) + "…";
    }
}
