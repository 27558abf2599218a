package io.shareflow.api.share.model;

import java.util.Collection;
import java.util.Objects;

import io.shareflow.api.access.model.OrganizationRoles;
import java.util.UUID;

/**
 * Who may change, revoke or re-send a share (and so see its link again): its sharer, an {@code admin} or
 * {@code producer-admin} of the share's organisation, or a recipient holding {@code manager} on the resource. The
 * caller is assumed to be of that organisation (another organisation's shares are not found at all).
 */
public final class ChangePermission {


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
        return callerId.equals(sharerUserId) || OrganizationRoles.isAdmin(callerRoles);
    }

    /** The answer to a caller who asks to change, revoke or re-send a share. */
    public enum Decision {
        /** The caller may. */
        ALLOWED,
        /** 403: a member of the organisation, or a recipient of the resource, who may not. */
        FORBIDDEN,
        /** 404: a guest (no role) who holds nothing on the resource is told the share does not exist. */
        NOT_FOUND
    }

    /**
     * @param roleOnResource the caller's effective role on the share's resource through shares to them (lower case);
     *                       null when none
     */
    public static Decision decide(UUID callerId, Collection<String> callerRoles, UUID sharerUserId,
                                  String roleOnResource) {
        if (mayChange(callerId, callerRoles, sharerUserId) || "manager".equals(roleOnResource)) {
            return Decision.ALLOWED;
        }
        boolean member = OrganizationRoles.isMember(callerRoles);
        return member || roleOnResource != null ? Decision.FORBIDDEN : Decision.NOT_FOUND;
    }
}
