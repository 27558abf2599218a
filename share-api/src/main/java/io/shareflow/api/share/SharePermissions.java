package io.shareflow.api.share;

import java.util.UUID;

import io.shareflow.api.access.ResourceAccess;
import io.shareflow.api.share.model.ChangePermission;
import io.shareflow.api.share.model.ChangePermission.Decision;
import io.shareflow.support.security.CurrentUser;

import org.springframework.stereotype.Component;

/**
 * Whether a caller may change, revoke or re-send a share ({@link ChangePermission}), with the caller's role on the
 * share's resource looked up only when the sharer and admin rule does not already allow it. The one place both the
 * management endpoints and the share's {@code url} on {@code GET} ask.
 */
@Component
class SharePermissions {

    private final ResourceAccess access;

    SharePermissions(ResourceAccess access) {
        this.access = access;
    }

    Decision decide(CurrentUser caller, UUID resourceId, UUID sharerUserId) {
        String roleOnResource = ChangePermission.mayChange(caller.userId(), caller.roles(), sharerUserId) ? null
                : access.effectiveRole(caller.organizationId(), resourceId, caller.userId(), caller.email())
                .orElse(null);
        return ChangePermission.decide(caller.userId(), caller.roles(), sharerUserId, roleOnResource);
    }

    boolean mayChange(CurrentUser caller, UUID resourceId, UUID sharerUserId) {
        return decide(caller, resourceId, sharerUserId) == Decision.ALLOWED;
    }
}
