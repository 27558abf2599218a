package io.shareflow.api.share.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Share requests for tests: a valid one, and variations of it (fields valid on their own, as the web edge passes them). */
public final class ShareFixtures {

    public static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    private ShareFixtures() {
    }

    public static ShareDraft aShareRequest() {
        return new ShareDraft("recipient@example.com", null, null, null, null, null, null, null, null);
    }

    public static ShareDraft withRecipients(RecipientDraft... recipients) {
        return new ShareDraft(null, List.of(recipients), null, null, null, null, null, null, null);
    }

    public static ShareDraft withRole(Role role) {
        return new ShareDraft("recipient@example.com", null, null, role, null, null, null, null, null);
    }

    public static ShareDraft withSubject(String subject) {
        return new ShareDraft("recipient@example.com", null, null, null, subject, null, null, null, null);
    }

    public static ShareDraft withMessage(String message) {
        return new ShareDraft("recipient@example.com", null, null, null, null, message, null, null, null);
    }

    public static ShareDraft withExpiresAt(Instant expiresAt) {
        return new ShareDraft("recipient@example.com", null, null, null, null, null, expiresAt, null, null);
    }

    public static ShareDraft withAssetId(UUID assetId) {
        return new ShareDraft("recipient@example.com", null, assetId, null, null, null, null, null, null);
    }

    public static RecipientDraft email(String address) {
        return new RecipientDraft(address, null);
    }

    public static RecipientDraft user(UUID userId) {
        return new RecipientDraft(null, userId);
    }
}
