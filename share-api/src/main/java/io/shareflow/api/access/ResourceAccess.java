package io.shareflow.api.access;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import io.shareflow.api.access.model.Grant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who holds which role on a resource through shares: direct, inherited from the folders above it, or through the
 * collections that hold it (or a folder above it). Computed at read time ({@link AccessGrants}); a move, a revoke or an
 * expiry counts at once.
 */
@Service
public class ResourceAccess {

    private final AccessGrants grants;
    private final Clock clock;

    ResourceAccess(AccessGrants grants, Clock clock) {
        this.grants = grants;
        this.clock = clock;
    }

    /**
     * The highest role ({@code viewer} < {@code downloader} < {@code contributor} < {@code manager}) the user holds
     * on the resource through shares that grant, as a person: direct shares to them (by user id or address) and
     * links of audience {@code users} that list them. Links for the whole organisation are left out here (they
     * follow the caller's roles, see {@code GET /v1/resources/{id}/access}; a link grants at most
     * {@code downloader}); so are links for whoever holds them ({@code anyone}, {@code password}).
     *
     * @param organizationId the resource's organisation; not null
     * @param resourceId     not null; a resource of another organisation, deleted or unknown has no role
     * @param userId         not null
     * @param email          the user's address; null matches by user id only
     * @return the role in lower case; empty when none
     */
    @Transactional(readOnly = true)
    public Optional<String> effectiveRole(UUID organizationId, UUID resourceId, UUID userId, String email) {
        return strongest(organizationId, resourceId, userId, email, false).map(Grant::role);
    }

    /**
     * The caller's strongest grant, with links of audience {@code organization} when the caller is a member.
     *
     * @param member whether the caller has a role of the organisation (a guest has none)
     */
    @Transactional(readOnly = true)
    Optional<Grant> strongest(UUID organizationId, UUID resourceId, UUID userId, String email, boolean member) {
        return grants.strongest(organizationId, resourceId, userId, email, member, clock.instant());
    }
}
