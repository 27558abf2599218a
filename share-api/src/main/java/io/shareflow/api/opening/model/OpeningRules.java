package io.shareflow.api.opening.model;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.shareflow.api.access.model.OrganizationRoles;
import io.shareflow.api.status.model.ShareStatus;
import io.shareflow.domain.EmailAddress;

/**
 * Who may open a share, by DESIGN.md "Opening a share". Pure decisions; the caller fetches the facts they need
 * (the recipient's accounts for a direct share, the listed recipients for a {@code users} link).
 */
public final class OpeningRules {

    /**
     * The roles that make a user a member of their organisation: the sharing roles and {@code viewer}. A signed-in
     * user with none of them (a recipient who registered: a guest) is not a member.
     */
    public static final Set<String> MEMBER_ROLES = OrganizationRoles.MEMBER;

    /** The roles that may download what is shared with them. */
    private static final Set<String> DOWNLOADING_ROLES = Set.of("downloader", "contributor", "manager");

    private OpeningRules() {
    }

    /**
     * Whether the share no longer opens, by precedence REVOKED over REJECTED over EXPIRED. An expiry is read at
     * {@code now}: a share past its {@code expiresAt} is expired before any sweep has recorded it.
     *
     * @return empty when the share is in force
     */
    public static Optional<FinalState> finalState(ShareToOpen share, Instant now) {
        if (share.status() == ShareStatus.REVOKED) {
            return Optional.of(FinalState.REVOKED);
        }
        if (share.status() == ShareStatus.REJECTED || share.provisioningRejected()) {
            return Optional.of(FinalState.REJECTED);
        }
        if (share.status() == ShareStatus.EXPIRED || share.expiresAt() != null && !now.isBefore(share.expiresAt())) {
            return Optional.of(FinalState.EXPIRED);
        }
        return Optional.empty();
    }

    /**
     * A direct share (DESIGN.md "Direct shares"): it opens without sign-in unless its recipient has an account
     * (registered, or ever active: a user deactivated later does not regain anonymous access) or it requires sign-in;
     * then only for its recipient, signed in: by user id, else by address (case-insensitive).
     *
     * @param recipientAccounts the ids of the users with an account who are the recipient (by the share's recipient
     *                          user id or address); empty when the recipient has none
     * @param caller            null = anonymous
     */
    public static Gate forRecipient(ShareToOpen share, Collection<UUID> recipientAccounts, Opener caller) {
        if (share.link()) {
            throw new IllegalArgumentException("not a direct share");
        }
        if (!share.requireSignIn() && recipientAccounts.isEmpty()) {
            return Gate.OPEN;
        }
        if (caller == null) {
            return Gate.SIGN_IN_REQUIRED;
        }
        boolean recipient = caller.userId().equals(share.recipientUserId())
                || recipientAccounts.contains(caller.userId())
                || sameAddress(caller.email(), share.recipientEmail());
        return recipient ? Gate.OPEN : Gate.OUTSIDE_AUDIENCE;
    }

    /**
     * A link, by its audience: {@code anyone} opens; {@code organization} a signed-in member of the share's
     * organisation ({@link #isMember}); {@code users} a signed-in listed recipient (by user id or address);
     * {@code password} with the password.
     *
     * @param listed the link's recipients (only read for {@code users})
     * @param caller null = anonymous
     */
    public static Gate forLink(ShareToOpen share, List<ListedRecipient> listed, Opener caller) {
        if (!share.link()) {
            throw new IllegalArgumentException("not a link");
        }
        return switch (share.audience()) {
            case ANYONE -> Gate.OPEN;
            case PASSWORD -> Gate.PASSWORD;
            case ORGANIZATION -> caller == null ? Gate.SIGN_IN_REQUIRED
                    : isMember(caller, share.organizationId()) ? Gate.OPEN : Gate.OUTSIDE_AUDIENCE;
            case USERS -> caller == null ? Gate.SIGN_IN_REQUIRED
                    : listed.stream().anyMatch(recipient -> isListed(caller, recipient)) ? Gate.OPEN
                    : Gate.OUTSIDE_AUDIENCE;
        };
    }

    /** A user of {@code organizationId} with at least one of the {@link #MEMBER_ROLES}. */
    public static boolean isMember(Opener caller, UUID organizationId) {
        return caller.organizationId().equals(organizationId)
                && caller.roles().stream().anyMatch(MEMBER_ROLES::contains);
    }

    /** Whether a share with this role lets its recipient download: {@code downloader}, {@code contributor}, {@code manager}. */
    public static boolean canDownload(String role) {
        return DOWNLOADING_ROLES.contains(role);
    }

    private static boolean isListed(Opener caller, ListedRecipient recipient) {
        return caller.userId().equals(recipient.userId()) || sameAddress(caller.email(), recipient.email());
    }

    private static boolean sameAddress(String a, String b) {
        return a != null && b != null && !a.isBlank()
                && EmailAddress.normalized(a.strip()).equals(EmailAddress.normalized(b.strip()));
    }
}
