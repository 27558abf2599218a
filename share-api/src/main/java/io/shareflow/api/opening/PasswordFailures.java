package io.shareflow.api.opening;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Wrong passwords given for password links, for the lockout; in the database so that it holds across instances. */
@Repository
class PasswordFailures {

    /**
     * First key of the advisory locks taken here (the two-key form, whose key space does not overlap the one-key
     * locks of the outbox): "link" in ASCII.
     */
    private static final int LOCK_SPACE = 0x6c696e6b;

    private final JdbcClient jdbc;

    PasswordFailures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises the password attempts of one share until the transaction ends, on every instance, so that counting
     * the failures, checking the password and recording a failure are one step: concurrent guesses cannot overrun
     * the limit.
     */
    void lock(UUID shareId) {
        jdbc.sql("select pg_advisory_xact_lock(:space, hashtext(:shareId))")
                .param("space", LOCK_SPACE)
                .param("shareId", shareId.toString())
                .query((rs, row) -> Boolean.TRUE)
                .single();
    }

    /** The share's wrong passwords after {@code since}, oldest first. */
    List<Instant> since(UUID shareId, Instant since) {
        return jdbc.sql("select at from link_password_failure where share_id = :shareId and at > :since order by at")
                .param("shareId", shareId)
                .param("since", since.atOffset(ZoneOffset.UTC))
                .query((rs, row) -> rs.getObject("at", OffsetDateTime.class).toInstant())
                .list();
    }

    void add(UUID shareId, Instant at) {
        jdbc.sql("insert into link_password_failure (share_id, at) values (:shareId, :at)")
                .param("shareId", shareId)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    /** @return how many were deleted */
    int deleteUpTo(Instant before) {
        return jdbc.sql("delete from link_password_failure where at <= :before")
                .param("before", before.atOffset(ZoneOffset.UTC))
                .update();
    }
}
