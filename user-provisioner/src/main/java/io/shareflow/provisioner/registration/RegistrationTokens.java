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

/** Registration tokens, stored by their SHA-256 only. */
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

    /** The token with this hash, its row locked until the end of the transaction. */
    Optional<RegistrationTicket> findForUpdate(String hash) {
        return jdbc.sql("select user_id, expires_at, used_at from registration_token where token_hash = :hash for update")
                .param("hash", hash)
                .query((rs, row) -> {
                    OffsetDateTime usedAt = rs.getObject("used_at", OffsetDateTime.class);
                    return new RegistrationTicket(rs.getObject("user_id", UUID.class),
                            rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                            usedAt == null ? null : usedAt.toInstant());
                })
                .optional();
    }

    void markUsed(String hash, Instant now) {
        jdbc.sql("update registration_token set used_at = :now where token_hash = :hash")
                .param("hash", hash)
                .param("now", timestamp(now))
                .update();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
