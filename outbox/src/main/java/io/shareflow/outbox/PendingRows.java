package io.shareflow.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.postgresql.PGStatement;

/**
 * The relay's reads of pending outbox rows, oldest first. {@code published_at is null} confines
 * every read to the pending partition.
 */
final class PendingRows {

    private static final String COLUMNS = "seq, topic, aggregateid, payload, headers::text, created_at";

    private PendingRows() {
    }

    /** The oldest pending rows; call when nothing sent is left unmarked. */
    static List<PendingRow> oldest(Connection connection, int limit) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("select " + COLUMNS + """
                 from outbox_event where published_at is null
                order by seq limit ?
                """)) {
            binaryTransfer(ps);
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                return rows(rs, limit);
            }
        }
    }

    /**
     * The oldest pending rows after {@code afterSeq}, read while the rows up to it are still being
     * sent. They are the oldest pending rows outside {@code sending} only if no other pending row
     * lies at or below {@code afterSeq}: a transaction that committed late with a lower seq. The
     * read counts those in the same statement, so with the same snapshot.
     *
     * @param sending every row at or below {@code afterSeq} not yet marked published
     */
    static ReadAhead after(Connection connection, long afterSeq, List<PendingRow> sending, int limit) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                with late as (
                    select count(*) as rows from outbox_event p
                    where p.published_at is null and p.seq <= ?
                    and not exists (select 1 from unnest(?::bigint[]) as s(seq) where s.seq = p.seq))
                select late.rows, o.* from late left join lateral (
                    select\s""" + COLUMNS + """
                     from outbox_event where published_at is null and seq > ?
                    order by seq limit ?) o on true
                """)) {
            binaryTransfer(ps);
            ps.setLong(1, afterSeq);
            ps.setArray(2, connection.createArrayOf("bigint", sending.stream().map(PendingRow::seq).toArray()));
            ps.setLong(3, afterSeq);
            ps.setInt(4, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<PendingRow> rows = new ArrayList<>(limit);
                long late = 0;
                while (rs.next()) {
                    late = rs.getLong(1);
                    if (rs.getObject(2) != null) {
                        rows.add(row(rs, 2));
                    }
                }
                return new ReadAhead(rows, late == 0);
            }
        }
    }

    /**
     * Rows read ahead.
     *
     * @param complete whether they are the oldest pending rows after the ones being sent; if not,
     *                 a late commit lies below them and the relay must read again from the start
     */
    record ReadAhead(List<PendingRow> rows, boolean complete) {
    }

    private static List<PendingRow> rows(ResultSet rs, int limit) throws SQLException {
        List<PendingRow> rows = new ArrayList<>(limit);
        while (rs.next()) {
            rows.add(row(rs, 1));
        }
        return rows;
    }

    private static PendingRow row(ResultSet rs, int first) throws SQLException {
        return new PendingRow(rs.getLong(first), rs.getString(first + 1), rs.getString(first + 2), rs.getBytes(first + 3),
                HeadersColumn.toKafkaHeaders(rs.getString(first + 4)), rs.getObject(first + 5, OffsetDateTime.class).toInstant());
    }

    /**
     * Server-prepared from the first run with binary results: the payload arrives as raw bytes
     * instead of hex text that the driver would decode row by row.
     */
    static void binaryTransfer(PreparedStatement ps) throws SQLException {
        ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
    }
}
