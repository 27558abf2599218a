package io.shareflow.api.access;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import io.shareflow.api.access.model.Grant;
import io.shareflow.api.access.model.OrganizationRoles;
import io.shareflow.domain.NotFound;
import io.shareflow.domain.Page;
import io.shareflow.domain.PageRequest;
import io.shareflow.support.security.CurrentUser;
import io.shareflow.support.web.ApiException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code /access} and {@code /permissions} of a resource. Another organisation's resource, a deleted one, and for a
 * guest (no role) any resource that no share grants them, is not found.
 */
@Service
class AccessService {

    private final AccessGrants grants;
    private final ResourceAccess access;
    private final Clock clock;

    AccessService(AccessGrants grants, ResourceAccess access, Clock clock) {
        this.grants = grants;
        this.access = access;
        this.clock = clock;
    }

    /** The caller's strongest grant; empty for a member that holds none. */
    @Transactional(readOnly = true)
    Optional<Grant> of(CurrentUser caller, UUID resourceId) {
        grants.find(caller.organizationId(), resourceId).orElseThrow(AccessService::notFound);
        boolean member = OrganizationRoles.isMember(caller.roles());
        Optional<Grant> grant = access.strongest(caller.organizationId(), resourceId, caller.userId(), caller.email(),
                member);
        if (!member && grant.isEmpty()) {
            throw notFound();
        }
        return grant;
    }

    /** For the sharing roles: 404 for a guest, 403 for other members. */
    @Transactional(readOnly = true)
    Page<AccessGrants.Permission> permissions(CurrentUser caller, UUID resourceId, PageRequest page) {
        OrganizationRoles.requireMember(caller.roles(), "Resource");
        grants.find(caller.organizationId(), resourceId).orElseThrow(AccessService::notFound);
        if (!OrganizationRoles.isSharing(caller.roles())) {
            throw ApiException.noPermission("Only the sharing roles may list who can reach a resource.");
        }
        return grants.permissions(caller.organizationId(), resourceId, clock.instant(), page);
    }

    private static NotFound notFound() {
        return new NotFound("Resource not found.");
    }
}
