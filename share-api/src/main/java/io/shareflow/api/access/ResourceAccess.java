package io.shareflow.api.access;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * The role a user holds on a resource through the shares that grant it.
 *
 * <p>This version counts the direct shares of the resource only (not yet those of its ancestor folders or of the
 * collections it is in). A share grants while its status is not REVOKED, REJECTED or EXPIRED and its expiry (if any)
 * has not passed; its recipient is the user by user id or by address (case-insensitive). Links grant by their
 * audience, not to a recipient, and are not counted.
 */
@Component
public class ResourceAccess {

    private final ShareGrants grants;
    private final Clock clock;

    ResourceAccess(ShareGrants grants, Clock clock) {
        this.grants = grants;
        this.clock = clock;
    }

    /**
     * The highest role ({@code viewer} < {@code downloader} < {@code contributor} < {@code manager}) the user holds
     * on the resource, lower case; empty when none.
     *
     * @param email the user's address (the token's); may be null, then only the user id matches
     */
    public Optional<String> effectiveRole(UUID organizationId, UUID resourceId, UUID userId, String email) {
        return grants.highestDirectRole(organizationId, resourceId, userId, email, clock.instant());
    }
}
