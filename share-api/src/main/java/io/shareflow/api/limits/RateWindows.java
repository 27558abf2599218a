package io.shareflow.api.limits;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What each user has shared in each window, across all instances (table {@code sharing_rate_window}). */
@Repository
class RateWindows {

    private final JdbcClient jdbc;

    RateWindows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds {@code recipients} to the user's count in the window if the count stays within {@code limit}, in one
     * statement: the upsert locks the window's row, so concurrent consumers (of any instance) queue on it and none
     * of their additions is lost; a refused addition changes nothing.
     *
     * @return the new count, or empty when it would pass {@code limit} (nothing added)
     */
    Optional<Integer> add(UUID userId, Instant windowStart, int recipients, int limit) {
        return jdbc.sql("""
                        insert into sharing_rate_window (user_id, window_start, recipients)
                        select :user, :start, :recipients where :recipients <= :limit
                        on conflict (user_id, window_start) do update
                            set recipients = sharing_rate_window.recipients + excluded.recipients
                            where sharing_rate_window.recipients + excluded.recipients <= :limit
                        returning recipients""")
                .param("user", userId)
                .param("start", windowStart.atOffset(ZoneOffset.UTC))
                .param("recipients", recipients)
                .param("limit", limit)
                .query(Integer.class).optional();
    }

    /** Forgets the windows that ended at or before {@code before}; returns how many. */
    int deleteEndedBefore(Instant windowStartBefore) {
        return jdbc.sql("delete from sharing_rate_window where window_start < :before")
                .param("before", windowStartBefore.atOffset(ZoneOffset.UTC)).update();
    }
}
