package io.shareflow.api.directory;

import java.util.UUID;

/**
 * A user as user-provisioner last described them.
 *
 * @param email       lower case
 * @param displayName may be null
 * @param status      ACTIVE or DEACTIVATED
 */
public record DirectoryUser(UUID userId, UUID organizationId, String email, String displayName, String status) {
}
