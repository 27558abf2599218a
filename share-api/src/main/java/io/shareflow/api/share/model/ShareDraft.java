package io.shareflow.api.share.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A request to share a resource with people, its fields valid on their own (checked at the web edge); every
 * field may be null. {@link ShareRules#validate} checks the rest. {@code notifyRecipient} is the API's
 * {@code notify}.
 *
 * @param recipients in request order; an entry may be null
 * @param role       null = the default
 * @param message    as sent: CRLF not yet normalised
 * @param expiresAt  in the future, as precise as the client sent it; null = never
 * @param requireSignIn null = false
 */
public record ShareDraft(String recipientEmail, List<RecipientDraft> recipients, UUID assetId, Role role,
                         String subject, String message, Instant expiresAt, Boolean notifyRecipient,
                         Boolean requireSignIn) {
}
