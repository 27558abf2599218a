package io.shareflow.api.share.model;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Who may change a share (and so see its link again): its sharer, or an {@code admin} or {@code producer-admin} of
 * the share's organisation. The caller is assumed to be of that organisation (another organisation's shares are
 * not found at all). A recipient holding {@code manager} on the resource will join them once resource access is
 * computed.
 */
public final class ChangePermission {

    /** The roles that may change any share of their organisation. */
    public static final Set<String> ORGANISATION_ADMIN_ROLES = Set.of("admin", "producer-admin");

    private ChangePermission() {
    }

    /**
     * @param callerId     the signed-in user (the token's {@code sub}); not null
     * @param callerRoles  the token's roles; not null
     * @param sharerUserId who created the share; not null
     */
    public static boolean mayChange(UUID callerId, Collection<String> callerRoles, UUID sharerUserId) {
        Objects.requireNonNull(callerId, "callerId");
        Objects.requireNonNull(sharerUserId, "sharerUserId");
        return callerId.equals(sharerUserId) || callerRoles.stream().anyMatch(ORGANISATION_ADMIN_ROLES::contains);
    }
}
