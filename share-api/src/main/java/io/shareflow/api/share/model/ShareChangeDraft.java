package io.shareflow.api.share.model;

import java.time.Instant;

/**
 * A change of a share as asked for ({@code PATCH /v1/shares/{id}}); every field null = left as it is, except
 * {@code expiresAt}, which is set (possibly to null: never) exactly when {@code expiresAtGiven}.
 *
 * @param password a new password for a password link; never logged (see {@link #toString()})
 */
public record ShareChangeDraft(Role role, boolean expiresAtGiven, Instant expiresAt, String password,
                               Audience audience) {

    @Override
    public String toString() {
        return "ShareChangeDraft[role=" + role + ", expiresAt=" + (expiresAtGiven ? String.valueOf(expiresAt) : "-")
                + ", password=" + (password == null ? "-" : "***") + ", audience=" + audience + "]";
    }
}
