package io.shareflow.api.opening;

/**
 * Who shared it, as the share recorded them (else as the directory replica knows them).
 *
 * @param userId the sharer's user id; not null
 * @param name   may be null when neither the share nor the directory has one
 * @param email  may be null likewise
 */
public record SharedBy(java.util.UUID userId, String name, String email) {
}
