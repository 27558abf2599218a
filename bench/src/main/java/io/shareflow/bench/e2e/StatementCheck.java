package io.shareflow.bench.e2e;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/**
 * Checks that {@link RawShareTransaction} sends PostgreSQL what share-api does for a share, from
 * {@code pg_stat_statements} (the embedded server preloads it): counts reset, {@code shares} shares through the API and
 * as many through the raw transaction, then each statement of the raw transaction's database must have run in
 * share-api's, with the same text, as often. share-api's database also runs its relay and sweeps, so its statements
 * that ran at least {@code shares} times and are not the raw transaction's are listed for the reader ({@code extra}):
 * the relay's, or something the raw transaction misses.
 */
final class StatementCheck {

    /**
     * @param raw     the raw transaction's statements (text folded) with their calls
     * @param api     share-api's calls of the same statements (0: never ran)
     * @param extra   share-api's other statements that ran at least once per share
     */
    record Result(int shares, Map<String, Long> raw, Map<String, Long> api, Map<String, Long> extra) {
        boolean same() {
            return !raw.isEmpty() && raw.entrySet().stream()
                    .allMatch(e -> api.getOrDefault(e.getKey(), 0L).equals(e.getValue()));
        }
    }

    private static final String STATEMENTS = """
            select s.query, s.calls
              from pg_stat_statements s join pg_database d on d.oid = s.dbid
             where d.datname = ? and s.query not like '%pg_stat_statements%'""";

    private StatementCheck() {
    }

    static Result run(DataSource admin, String apiDatabase, String rawDatabase, int shares, Runnable apiShare,
                      Runnable rawShare) throws SQLException {
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
            s.execute("select pg_stat_statements_reset()");
        }
        for (int i = 0; i < shares; i++) {
            apiShare.run();
            rawShare.run();
        }
        Map<String, Long> raw = statements(admin, rawDatabase);
        Map<String, Long> all = statements(admin, apiDatabase);
        Map<String, Long> api = new LinkedHashMap<>();
        raw.keySet().forEach(statement -> api.put(statement, all.getOrDefault(statement, 0L)));
        Map<String, Long> extra = new LinkedHashMap<>();
        all.forEach((statement, calls) -> {
            if (!raw.containsKey(statement) && calls >= shares) {
                extra.put(statement, calls);
            }
        });
        return new Result(shares, raw, api, extra);
    }

    private static Map<String, Long> statements(DataSource admin, String database) throws SQLException {
        Map<String, Long> statements = new LinkedHashMap<>();
        try (Connection c = admin.getConnection(); PreparedStatement s = c.prepareStatement(STATEMENTS)) {
            s.setString(1, database);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    statements.merge(fold(rs.getString(1)), rs.getLong(2), Long::sum);
                }
            }
        }
        return statements;
    }

    /**
     * White space folded, parameters and literals as {@code ?}: the same statement written on other lines is the same
     * statement, and pg_stat_statements keeps a statement's literals as they were when its server-side prepared
     * statement was parsed before the reset ({@code 'person'}), but as {@code $25} when parsed after it.
     */
    static String fold(String statement) {
        return statement.strip().replaceAll("'(?:[^']|'')*'", "?").replaceAll("\\$\\d+", "?")
                .replaceAll("\\s+", " ");
    }

    static List<String> lines(Map<String, Long> statements) {
        return statements.entrySet().stream().map(e -> String.format("%4d× %s", e.getValue(),
                e.getKey().length() <= 140 ? e.getKey() : e.getKey().substring(0, 139) + "…")).toList();
    }
}
