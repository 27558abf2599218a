package io.shareflow.api.share;

import java.time.Instant;
import java.util.UUID;

import io.shareflow.api.share.model.Audience;
import io.shareflow.api.share.model.Role;
import io.shareflow.api.share.model.ShareType;
import io.shareflow.api.status.model.ShareProgress;
import io.shareflow.api.status.model.ShareStatus;

/**
 * A share as its change, revoke or re-send reads it, its row locked ({@link Shares#lock}).
 *
 * @param recipientEmail  a direct share's; null for a link
 * @param audience        a link's; null for a direct share
 * @param expiresAt       null = never
 * @param hasPassword     a password link's password hash is kept
 * @param recipients      how many recipients a link has (0 for a direct share)
 * @param sharerUserId    who created the share
 * @param resendCount     re-sends of the invitation so far
 * @param sharerName      as the sharer's token named them; null for shares made before it was kept
 * @param sealedLink      the share's URL, sealed (context: the share id); null for shares made before it was kept
 * @param name            a link's display name; may be null
 * @param requestId       the request that created the share (one per {@code POST}, shared by its recipients' shares)
 * @param recipientUserId a direct share's recipient's user id, once known; else null
 */
record ManagedShare(UUID id, ShareType type, UUID organizationId, UUID resourceId, String recipientEmail, Role role,
                    ShareProgress progress, Audience audience, Instant expiresAt, boolean hasPassword, int recipients,
                    UUID sharerUserId, int resendCount, String subject, String message, String sharerName,
                    String sharerEmail, byte[] sealedLink, String name, UUID requestId,
                    UUID recipientUserId) {

    boolean isLink() {
        return type == ShareType.LINK;
    }

    /** The status at {@code now}: EXPIRED once the expiry passed, even before the sweep stored it. */
    ShareStatus statusAt(Instant now) {
        return progress.status().at(expiresAt, now);
    }

    @Override
    public String toString() {
        return "ManagedShare[id=" + id + ", type=" + type + ", status=" + progress.status() + "]";
    }
}
