package io.shareflow.provisioner.attempt;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.shareflow.provisioner.attempt.model.AttemptKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Failed attempts by kind and subject (the SHA-256 hex of a token or of an address), for {@link AttemptGuard}. */
@Repository
class FailedAttempts {

    private final JdbcClient jdbc;

    FailedAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises the attempts on one subject until the end of the transaction (a PostgreSQL advisory lock), so that
     * concurrent attempts cannot all pass the limit before any of them is counted.
     */
    void lock(AttemptKind kind, String subjectHash) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "failed_attempt:" + kind.stored() + ":" + subjectHash)
                .query((rs, row) -> 1)
                .single();
    }

    /** The failures on the subject at or after {@code since}, oldest first. */
    List<Instant> since(AttemptKind kind, String subjectHash, Instant since) {
        return jdbc.sql("""
                        select failed_at from failed_attempt
                        where kind = :kind and subject_hash = :subject and failed_at >= :since
                        order by failed_at
                        """)
                .param("kind", kind.stored())
                .param("subject", subjectHash)
                .param("since", timestamp(since))
                .query((rs, row) -> rs.getObject("failed_at", OffsetDateTime.class).toInstant())
                .list();
    }

    void add(AttemptKind kind, String subjectHash, Instant at) {
        jdbc.sql("insert into failed_attempt (kind, subject_hash, failed_at) values (:kind, :subject, :at)")
                .param("kind", kind.stored())
                .param("subject", subjectHash)
                .param("at", timestamp(at))
                .update();
    }

    void clear(AttemptKind kind, String subjectHash) {
        jdbc.sql("delete from failed_attempt where kind = :kind and subject_hash = :subject")
                .param("kind", kind.stored())
                .param("subject", subjectHash)
                .update();
    }

    /** Deletes failures of this kind older than {@code before}: they no longer count. */
    void deleteBefore(AttemptKind kind, Instant before) {
        jdbc.sql("delete from failed_attempt where kind = :kind and failed_at < :before")
                .param("kind", kind.stored())
                .param("before", timestamp(before))
                .update();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
