package io.shareflow.api.policy.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One change of an organisation's sharing policy, as {@code GET /v1/sharing-policy/history} lists it.
 *
 * @param changedBy who changed it, as their token named them
 * @param before    the policy it replaced ({@link SharingPolicy#DEFAULT} for the first change)
 */
public record PolicyChange(Instant changedAt, Changer changedBy, SharingPolicy before, SharingPolicy after) {

    public PolicyChange {
        Objects.requireNonNull(changedAt, "changedAt");
        Objects.requireNonNull(changedBy, "changedBy");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /**
     * @param name  the token's {@code name}; may be null
     * @param email the token's {@code email}; may be null
     */
    public record Changer(UUID userId, String name, String email) {

        public Changer {
            Objects.requireNonNull(userId, "userId");
        }
    }
}
