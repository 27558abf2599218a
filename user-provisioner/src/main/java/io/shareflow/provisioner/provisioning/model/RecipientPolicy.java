package io.shareflow.provisioner.provisioning.model;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.shareflow.domain.EmailAddress;
import io.shareflow.provisioner.user.model.User;

/**
 * Decides what to do with a share's recipient. Users belong to one organisation: a person who
 * already has an account elsewhere cannot be given a share of this organisation.
 */
public final class RecipientPolicy {

    static final String INVALID_EMAIL = "The recipient's e-mail address is not valid.";
    static final String OTHER_ORGANIZATION = "The recipient is a user of another organisation.";
    static final String UNKNOWN_ORGANIZATION = "The sharer's organisation is not known to the user directory.";

    private RecipientPolicy() {
    }

    /** The decision for one recipient. */
    public sealed interface Decision {
        /** Give the share to this existing account. */
        record UseExisting(User user) implements Decision { }

        /** Create a deactivated account for this address in the sharer's organisation. */
        record Create(EmailAddress email) implements Decision { }

        /** Refuse, with a reason safe to show to the sharer. */
        record Reject(String reason) implements Decision { }
    }

    /**
     * @param recipientEmail      the address as written in the share, unchecked
     * @param existing            the account with that address (ignoring case), if any
     * @param sharerOrganization  the organisation of the share
     * @param organizationKnown   whether that organisation exists here (a new account needs it)
     */
    public static Decision decide(String recipientEmail, Optional<User> existing, UUID sharerOrganization,
                                  boolean organizationKnown) {
        Objects.requireNonNull(sharerOrganization, "sharerOrganization");
        if (existing.isPresent()) {
            User user = existing.get();
            return user.belongsTo(sharerOrganization)
                    ? new Decision.UseExisting(user)
                    : new Decision.Reject(OTHER_ORGANIZATION);
        }
        if (!EmailAddress.isValid(recipientEmail == null ? null : recipientEmail.strip())) {
            return new Decision.Reject(INVALID_EMAIL);
        }
        if (!organizationKnown) {
            return new Decision.Reject(UNKNOWN_ORGANIZATION);
        }
        return new Decision.Create(EmailAddress.of(recipientEmail));
    }
}
