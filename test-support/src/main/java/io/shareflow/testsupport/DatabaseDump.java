package io.shareflow.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Every value of every table of a database's current schema, read over JDBC (the embedded PostgreSQL has no
 * {@code pg_dump}): each column in PostgreSQL's text form (bytea as {@code \x} hex, jsonb as JSON), a bytea also as its
 * raw bytes. What a {@link SecretScanner} goes through to show that a secret is in no table, in no form.
 *
 * @param tables the tables read (ordinary tables and partitions, not partitioned parents), by name
 * @param cells  every value of every row, nulls as empty text
 */
public record DatabaseDump(List<String> tables, List<Cell> cells) {

    /** One value of one row: where it was read; {@code bytes} only for bytea. */
    public record Cell(String table, String column, String text, byte[] bytes) {

        public String where() {
            return table + "." + column;
        }
    }

    public static DatabaseDump of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("""
                    select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = current_schema() and c.relkind = 'r' order by 1
                    """)) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            List<Cell> cells = new ArrayList<>();
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("select * from \"" + table.replace("\"", "\"\"") + "\"")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            String text = rs.getString(i);
                            byte[] bytes = "bytea".equals(meta.getColumnTypeName(i)) ? rs.getBytes(i) : null;
                            cells.add(new Cell(table, meta.getColumnName(i), text == null ? "" : text, bytes));
                        }
                    }
                }
            }
            return new DatabaseDump(List.copyOf(tables), List.copyOf(cells));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not dump the database: " + e.getMessage(), e);
        }
    }

    /** Scans every value (text and bytes) with {@code scanner}; the findings are the scanner's. */
    public SecretScanner scanWith(SecretScanner scanner) {
        for (Cell cell : cells) {
            scanner.scan(cell.where(), cell.text());
            scanner.scan(cell.where() + " (bytea)", cell.bytes());
        }
        return scanner;
    }

    /** The cells of one table. */
    public List<Cell> of(String table) {
        return cells.stream().filter(cell -> cell.table().equals(table)).toList();
    }
}
