package io.shareflow.api.share.model;

import java.util.List;

/**
 * A checked change of a share: the values after it and what it changed.
 *
 * @param expiresAt   after the change; null = never
 * @param audience    a link's after the change; null for a direct share
 * @param newPassword the password a password link gets; null = its password stays (or it has none)
 * @param changes     what changed, in this order: {@code role, expiresAt, password, audience}; empty = nothing
 * @param description how the history says it, e.g. {@code role viewer -> manager; expiresAt never -> 2027-...}
 */
public record ShareChange(Role role, java.time.Instant expiresAt, Audience audience, String newPassword,
                          List<String> changes, String description) {

    public boolean changesNothing() {
        return changes.isEmpty();
    }

    @Override
    public String toString() {
        return "ShareChange[changes=" + changes + "]";
    }
}
