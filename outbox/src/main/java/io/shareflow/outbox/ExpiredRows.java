package io.shareflow.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Rows of one outbox table that are deleted once their time column is older than a retention: the
 * published rows kept for replays, and the processed-event log. The active relay deletes both the
 * same way, on its lock connection, so one instance per database does it at a time. The delete is
 * also safe if two ever overlap: each statement deletes the rows it found by {@code ctid}, and a
 * row another statement deleted first is simply skipped.
 *
 * @param table      the table (a constant of this module, never input)
 * @param timeColumn the indexed timestamp the retention applies to
 * @param retention  how long a row is kept
 */
record ExpiredRows(String table, String timeColumn, Duration retention) {

    /**
     * A bounded share per cleanup: after a long outage, publishing must not wait until millions of
     * expired rows are gone; the rest go at the next cleanups.
     */
    static final int MAX_STATEMENTS_PER_CLEANUP = 10;

    /** The outbox's published rows, kept {@code retention} after they were published. */
    static ExpiredRows publishedEvents(Duration retention) {
        return new ExpiredRows("outbox_event_published", "published_at", retention);
    }

    /** The consumers' processed-event log, kept {@code retention} after the event was processed. */
    static ExpiredRows processedEvents(Duration retention) {
        return new ExpiredRows("processed_event", "processed_at", retention);
    }

    /**
     * Deletes expired rows, {@code batchSize} per statement, until a statement deletes fewer,
     * {@link #MAX_STATEMENTS_PER_CLEANUP} statements have run, or {@code running} turns false.
     *
     * @return the rows deleted
     */
    long delete(Connection connection, int batchSize, BooleanSupplier running) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "delete from " + table + " where ctid = any(array(select ctid from " + table
                        + " where " + timeColumn + " < now() - make_interval(secs => ?) limit ?))")) {
            ps.setDouble(1, retention.toMillis() / 1000.0);
            ps.setInt(2, batchSize);
            long total = 0;
            int deleted;
            int statements = 0;
            do {
                deleted = ps.executeUpdate();
                total += deleted;
            } while (deleted == batchSize && running.getAsBoolean() && ++statements < MAX_STATEMENTS_PER_CLEANUP);
            return total;
        }
    }
}
