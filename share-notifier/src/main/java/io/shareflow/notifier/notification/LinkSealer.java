package io.shareflow.notifier.notification;

import java.nio.ByteBuffer;
import java.util.UUID;

import io.shareflow.schemas.SealContexts;
import io.shareflow.schemas.SealedFieldException;
import io.shareflow.schemas.SealedFields;

import org.springframework.stereotype.Component;

/**
 * The links as the notifier holds them: sealed ({@link SealedFields}; context = the share id for a share link, see
 * {@link SealContexts}, and {@code registration/<userId>} for a registration link), from the event to the send log,
 * and opened in memory only, just before an attempt is rendered. Needs {@code SHAREFLOW_EVENTS_SEAL_KEY}: without it
 * the service does not start.
 */
@Component
class LinkSealer {

    private final SealedFields sealedFields;

    LinkSealer(SealedFields sealedFields) {
        this.sealedFields = sealedFields;
    }

    /**
     * The link of a share event, sealed. A version-2 event's {@code sealedLink} is kept as it came, unopened; a
     * version-1 event carries the link in plaintext in {@code linkUrl}, which is sealed here under the current key,
     * so that it never reaches the database in plaintext.
     *
     * @param sealedLink the event's {@code sealedLink}; null in a version-1 event
     * @param linkUrl    the event's {@code linkUrl}; the link in a version-1 event, {@code ""} from version 2 on
     * @return the sealed link, or null when the event carries none
     */
    byte[] sealedLinkOf(UUID shareId, ByteBuffer sealedLink, String linkUrl) {
        if (sealedLink != null) {
            ByteBuffer copy = sealedLink.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            return bytes;
        }
        if (linkUrl == null || linkUrl.isBlank()) {
            return null;
        }
        return sealedFields.seal(linkUrl, shareId.toString());
    }

    /**
     * Opens the link, for the e-mail only: never store or log what this returns.
     *
     * @throws SealedFieldException when it does not open (tampered, truncated, an unknown key id, another share's);
     *                              permanent
     */
    String open(UUID shareId, byte[] sealedLink) {
        return sealedFields.open(sealedLink, SealContexts.shareLink(shareId));
    }

    /**
     * Opens a user's registration link, for the e-mail only: never store or log what this returns.
     *
     * @throws SealedFieldException when it does not open (tampered, truncated, an unknown key id, another user's, a
     *                              share link); permanent
     */
    String openRegistration(UUID userId, byte[] sealedLink) {
        return sealedFields.open(sealedLink, SealContexts.registrationLink(userId));
    }

    /** Why a registration link does not open, for the send log and the log: the cause, never a secret. */
    static String registrationReason(SealedFieldException e) {
        return "The registration link does not open (" + e.reason() + "): " + e.getMessage();
    }

    /** Why a link does not open, for {@code NotificationFailed} and the log: the cause, never a secret. */
    static String reason(SealedFieldException e) {
        return "The share link does not open (" + e.reason() + "): " + e.getMessage();
    }
}
