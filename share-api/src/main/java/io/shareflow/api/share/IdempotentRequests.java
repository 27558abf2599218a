package io.shareflow.api.share;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Requests made with an {@code Idempotency-Key}, and their sealed responses. */
@Repository
class IdempotentRequests {

    /** A request seen before: the hash of its body and, once it succeeded, its sealed response. */
    record Seen(byte[] requestHash, byte[] sealedResponse) {
    }

    private final JdbcClient jdbc;

    IdempotentRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims a key for the current transaction. If another transaction holds the same key, this
     * waits until that one ends: then it is claimed here (the other rolled back) or not (it committed).
     * A claim older than {@code notBefore} is expired and taken over.
     *
     * @return whether this transaction now owns the key
     */
    boolean claim(byte[] keyHash, byte[] requestHash, Instant now, Instant notBefore) {
        jdbc.sql("delete from idempotent_request where key_hash = :keyHash and created_at < :notBefore")
                .param("keyHash", keyHash)
                .param("notBefore", notBefore.atOffset(ZoneOffset.UTC))
                .update();
        return jdbc.sql("""
                        insert into idempotent_request (key_hash, request_hash, created_at)
                        values (:keyHash, :requestHash, :now)
                        on conflict do nothing
                        """)
                .param("keyHash", keyHash)
                .param("requestHash", requestHash)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update() == 1;
    }

    Optional<Seen> find(byte[] keyHash) {
        return jdbc.sql("select request_hash, response from idempotent_request where key_hash = :keyHash")
                .param("keyHash", keyHash)
                .query((rs, row) -> new Seen(rs.getBytes("request_hash"), rs.getBytes("response")))
                .optional();
    }

    void complete(byte[] keyHash, byte[] sealedResponse) {
        jdbc.sql("update idempotent_request set response = :response where key_hash = :keyHash")
                .param("keyHash", keyHash)
                .param("response", sealedResponse)
                .update();
    }

    /** Deletes expired keys (and with them the link tokens sealed in their responses). */
    int deleteOlderThan(Instant notBefore) {
        return jdbc.sql("delete from idempotent_request where created_at < :notBefore")
                .param("notBefore", notBefore.atOffset(ZoneOffset.UTC))
                .update();
    }
}
