package io.shareflow.api.share.model;

import java.time.Instant;
import java.util.List;

/**
 * A request to share a resource by link, its fields valid on their own (checked at the web edge); every field may be
 * null. {@link LinkRules#validate} checks the rest. {@code notifyRecipient} is the API's {@code notify}.
 *
 * @param role          null = the default ({@code viewer})
 * @param password      as sent; never logged, never stored but as a slow hash
 * @param expiresAt     in the future; null = none given
 * @param durationHours 1..8760; an alternative to {@code expiresAt}
 * @param recipients    in request order; an entry may be null
 * @param message       as sent: CRLF not yet normalised
 */
public record LinkDraft(Audience audience, Role role, String password, Instant expiresAt, Integer durationHours,
                        String name, List<RecipientDraft> recipients, String subject, String message,
                        Boolean notifyRecipient) {

    /** What stands for a password in {@link #withoutPassword()}: that one was given, not which. */
    public static final String SOME_PASSWORD = "(given)";

    /**
     * The draft to compare requests by (an Idempotency-Key's body): the password is replaced by a marker, so no fast
     * hash of it is ever stored. Whether a replay names the same password is checked against the link's slow hash.
     */
    public LinkDraft withoutPassword() {
        return new LinkDraft(audience, role, password == null ? null : SOME_PASSWORD, expiresAt, durationHours, name,
                recipients, subject, message, notifyRecipient);
    }

    @Override
    public String toString() {
        return "LinkDraft[audience=" + audience + ", role=" + role + ", password=" + (password == null ? "none" : "***")
                + ", expiresAt=" + expiresAt + ", durationHours=" + durationHours + "]";
    }
}
