package io.shareflow.provisioner.provisioning.model;

import java.util.Objects;
import java.util.UUID;

/** What user-provisioner answers to a {@link RecipientRequest}: exactly one result per share. */
public sealed interface RecipientResult {

    UUID shareId();

    UUID causationEventId();

    /** The recipient has an account in the sharer's organisation. */
    record Provisioned(UUID shareId, UUID causationEventId, UUID userId, UUID organizationId, String recipientEmail,
                       Outcome outcome) implements RecipientResult {
        public Provisioned {
            Objects.requireNonNull(shareId, "shareId");
            Objects.requireNonNull(causationEventId, "causationEventId");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(organizationId, "organizationId");
            Objects.requireNonNull(recipientEmail, "recipientEmail");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /** The recipient cannot be given this share. {@code reason} is safe to show to the sharer. */
    record Rejected(UUID shareId, UUID causationEventId, String recipientEmail, String reason)
            implements RecipientResult {
        public Rejected {
            Objects.requireNonNull(shareId, "shareId");
            Objects.requireNonNull(causationEventId, "causationEventId");
            Objects.requireNonNull(recipientEmail, "recipientEmail");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** How the account was obtained; the names are the values of the event's {@code outcome}. */
    enum Outcome { EXISTING_USER, USER_CREATED }
}
