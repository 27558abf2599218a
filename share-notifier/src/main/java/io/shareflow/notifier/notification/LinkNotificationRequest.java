package io.shareflow.notifier.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.shareflow.notifier.mail.LinkInvitation;

/**
 * A share by link's request to e-mail the link to each of its recipients ({@code ShareLinkCreated}): one
 * notification per recipient, each with its own Message-ID, all answering the same event.
 *
 * @param eventId          the asking event's id; with the recipient's position the send log's key
 * @param shareId          the link's share id ({@code linkId})
 * @param resend           0 for the e-mails of the link's creation, N for re-send N (to one recipient)
 * @param recipients       where to send it, in the event's order, addresses that differ only in case folded into
 *                         the first; may be empty
 * @param notifyRecipients the event's {@code notify}: false when the sharer asked for no e-mail, and in a version-1
 *                         event (which has no recipients either)
 * @param invitation       what the e-mail says, apart from the link
 * @param sealedLink       the link, sealed ({@link LinkSealer}); null when the event carried none
 */
record LinkNotificationRequest(UUID eventId, UUID shareId, int resend, List<String> recipients,
                               boolean notifyRecipients, LinkInvitation invitation, byte[] sealedLink) {

    private static final HexFormat HEX = HexFormat.of();

    LinkNotificationRequest {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(shareId, "shareId");
        Objects.requireNonNull(invitation, "invitation");
        recipients = distinct(Objects.requireNonNull(recipients, "recipients"));
        if (resend < 0) {
            throw new IllegalArgumentException("resend must be >= 0: " + resend);
        }
    }

    /** The e-mails of a link's creation ({@code ShareLinkCreated}): re-send number 0. */
    LinkNotificationRequest(UUID eventId, UUID shareId, List<String> recipients, boolean notifyRecipients,
                            LinkInvitation invitation, byte[] sealedLink) {
        this(eventId, shareId, 0, recipients, notifyRecipients, invitation, sealedLink);
    }

    /** Whether there is anything to send: notify on and at least one recipient. */
    boolean sendsEmail() {
        return notifyRecipients && !recipients.isEmpty();
    }

    @Override
    public String toString() {
        return "LinkNotificationRequest[eventId=" + eventId + ", shareId=" + shareId + ", resend=" + resend + ", recipients="
                + recipients.size() + ", notify=" + notifyRecipients + "]";
    }

    /**
     * The Message-ID of the link's e-mail to {@code recipient}: {@code <share-{shareId}-0-{h}@shareflow>}, where
     * {@code h} is the first 64 bits, in hex, of the SHA-256 of the address in lower case. Deterministic per share,
     * recipient and e-mail (the {@code 0} stands where a direct share's re-send number stands: the e-mail sent when
     * the link was created), the same on every attempt, distinct per recipient — and it does not show the address,
     * as a Message-ID travels on in the References of replies and forwards, and into mail logs.
     */
    static String messageId(UUID shareId, String recipient) {
        return messageId(shareId, 0, recipient);
    }

    /** As {@link #messageId(UUID, String)} for re-send number {@code resend} ({@code ShareNotificationRequested}). */
    static String messageId(UUID shareId, int resend, String recipient) {
        return "<share-" + shareId + "-" + resend + "-" + recipientHash(recipient) + "@shareflow>";
    }

    static String recipientHash(String recipient) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(normalised(recipient).getBytes(StandardCharsets.UTF_8));
            return HEX.formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private static String normalised(String recipient) {
        return recipient.strip().toLowerCase(Locale.ROOT);
    }

    private static List<String> distinct(List<String> recipients) {
        Set<String> seen = new HashSet<>();
        List<String> distinct = new ArrayList<>(recipients.size());
        for (String recipient : recipients) {
            if (recipient != null && seen.add(normalised(recipient))) {
                distinct.add(recipient);
            }
        }
        return List.copyOf(distinct);
    }
}
