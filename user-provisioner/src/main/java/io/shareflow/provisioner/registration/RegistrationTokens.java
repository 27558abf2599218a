package io.shareflow.provisioner.registration;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import io.shareflow.provisioner.registration.model.RegistrationTicket;
import io.shareflow.provisioner.registration.model.RegistrationToken;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Registration tokens, stored by their SHA-256 only; at most one live (unused, not superseded) token per user. */
@Repository
class RegistrationTokens {

    private final JdbcClient jdbc;

    RegistrationTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(RegistrationToken token, Instant now) {
        jdbc.sql("""
                        insert into registration_token (token_hash, user_id, expires_at, created_at)
                        values (:hash, :userId, :expiresAt, :createdAt)
                        """)
                .param("hash", token.hash())
                .param("userId", token.userId())
                .param("expiresAt", timestamp(token.expiresAt()))
                .param("createdAt", timestamp(now))
                .update();
    }

    /** Marks the user's live token (if any) superseded: from now on it answers 410. */
    void supersedeLive(UUID userId, Instant now) {
        jdbc.sql("""
                        update registration_token set superseded_at = :now
                        where user_id = :userId and used_at is null and superseded_at is null
                        """)
                .param("userId", userId)
                .param("now", timestamp(now))
                .update();
    }

    /** Whether the user has a token that still works at {@code now}. */
    boolean hasUsable(UUID userId, Instant now) {
        return jdbc.sql("""
                        select exists (select 1 from registration_token
                                       where user_id = :userId and used_at is null and superseded_at is null
                                         and expires_at > :now)
                        """)
                .param("userId", userId)
                .param("now", timestamp(now))
                .query(Boolean.class)
                .single();
    }

    /** The token with this hash, its row locked until the end of the transaction. */
    Optional<RegistrationTicket> findForUpdate(String hash) {
        return find(hash, " for update");
    }

    /** The token with this hash, not locked (a look, not a use). */
    Optional<RegistrationTicket> find(String hash) {
        return find(hash, "");
    }

    private Optional<RegistrationTicket> find(String hash, String lock) {
        return jdbc.sql("select user_id, expires_at, used_at, superseded_at from registration_token"
                        + " where token_hash = :hash" + lock)
                .param("hash", hash)
                .query((rs, row) -> new RegistrationTicket(rs.getObject("user_id", UUID.class),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                        instant(rs.getObject("used_at", OffsetDateTime.class)),
                        instant(rs.getObject("superseded_at", OffsetDateTime.class))))
                .optional();
    }

    void markUsed(String hash, Instant now) {
        jdbc.sql("update registration_token set used_at = :now where token_hash = :hash")
                .param("hash", hash)
                .param("now", timestamp(now))
                .update();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
