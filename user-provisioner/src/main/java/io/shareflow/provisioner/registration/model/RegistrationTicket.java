package io.shareflow.provisioner.registration.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored registration token: what is known about it without the secret.
 *
 * @param userId       never null
 * @param expiresAt    never null
 * @param usedAt       null while unused
 * @param supersededAt when a newer token of the user replaced it; null while it is the newest
 */
public record RegistrationTicket(UUID userId, Instant expiresAt, Instant usedAt, Instant supersededAt) {

    public RegistrationTicket {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public enum Validity { USABLE, USED, SUPERSEDED, EXPIRED }

    /** Single use: a used token stays used even before it would have expired; a replaced one never works again. */
    public Validity validityAt(Instant now) {
        if (usedAt != null) {
            return Validity.USED;
        }
        if (supersededAt != null) {
            return Validity.SUPERSEDED;
        }
        return now.isBefore(expiresAt) ? Validity.USABLE : Validity.EXPIRED;
    }
}
