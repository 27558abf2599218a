package io.shareflow.api.share.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A share request whose fields are all valid on their own; recipients still need resolving.
 *
 * @param recipients in request order, not yet de-duplicated, never empty
 * @param assetId    may be null
 * @param subject    may be null
 * @param message    may be null
 * @param expiresAt  in the future, millisecond precision; null = never
 * @param requireSignIn the link never opens without sign-in as the recipient
 */
public record ValidShareRequest(List<RecipientRef> recipients, UUID assetId, Role role, String subject,
                                String message, Instant expiresAt, boolean notifyRecipient, boolean requireSignIn) {
}
