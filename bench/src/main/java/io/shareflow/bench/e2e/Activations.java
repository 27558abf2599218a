package io.shareflow.bench.e2e;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * When each share of a part became ACTIVE, from share-api's database: its {@code created_at} (share-api's clock when
 * it accepted the request) and the {@code processed_at} of share-api's processed-event row of the event that made it
 * ACTIVE (joined on the history entry's {@code event_id}). Not {@code share_history.at}: that is the event's
 * {@code occurredAt}, the producer's time, before share-api applied it. {@code processed_at} defaults to
 * {@code now()}, the start of share-api's consuming transaction, so it is early by that transaction's length (a few
 * milliseconds).
 */
final class Activations {

    /** One share: created, and ACTIVE at (null: not ACTIVE yet). */
    record Activation(Instant createdAt, Instant activeAt) {
    }

    private static final String QUERY = """
            select s.created_at,
                   (select min(e.processed_at)
                      from share_history h
                      join processed_event e on e.consumer = 'share-api' and e.event_id = h.event_id
                     where h.share_id = s.id and h.status = 'ACTIVE') as active_at
              from share s
             where s.recipient_email like ?""";

    private static final String NOT_ACTIVE = """
            select count(*) from share
             where status in ('PENDING', 'NOTIFICATION_FAILED') and recipient_email like ?""";

    private static final String ACTIVE = """
            select count(*) from share where status = 'ACTIVE' and recipient_email like ?""";

    private static final String PENDING = "select count(*) from share where status = 'PENDING'";

    private Activations() {
    }

    /** Every share whose recipient is {@code <part>-…}. */
    static List<Activation> of(DataSource shareApi, String part) throws SQLException {
        List<Activation> activations = new ArrayList<>();
        try (Connection c = shareApi.getConnection(); PreparedStatement s = c.prepareStatement(QUERY)) {
            s.setString(1, part + "-%");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime active = rs.getObject(2, OffsetDateTime.class);
                    activations.add(new Activation(rs.getObject(1, OffsetDateTime.class).toInstant(),
                            active == null ? null : active.toInstant()));
                }
            }
        }
        return activations;
    }

    /**
     * The part's shares that are not ACTIVE (yet): its backlog, the accepted shares minus the ACTIVE ones. Cheap
     * enough to ask every second: the status index finds the few unfinished shares.
     */
    static long notActive(Connection c, String part) throws SQLException {
        return countOfPart(c, NOT_ACTIVE, part);
    }

    /** Every share still PENDING, of any part: what the pipeline has yet to finish. */
    static long pending(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(PENDING); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The part's shares that are ACTIVE. */
    static long active(Connection c, String part) throws SQLException {
        return countOfPart(c, ACTIVE, part);
    }

    private static long countOfPart(Connection c, String countQuery, String part) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(countQuery)) {
            s.setString(1, part + "-%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
