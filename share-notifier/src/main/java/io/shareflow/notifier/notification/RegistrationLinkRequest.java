package io.shareflow.notifier.notification;

import java.util.Objects;
import java.util.UUID;

import io.shareflow.notifier.mail.RegistrationInvitation;

/**
 * user-provisioner's request to e-mail a new user its registration link ({@code RegistrationLinkIssued}): one e-mail,
 * once per event. Not a share's notification: nothing is reported on the notifications topic for it.
 *
 * @param eventId        the asking event's id; the send log's key, so one event sends at most once
 * @param userId         the user the link registers; with it the link is sealed ({@code SealContexts.registrationLink})
 * @param recipientEmail where to send it
 * @param invitation     what the e-mail says, apart from the link
 * @param sealedLink     the registration link, sealed as it came; null when the event carried none
 * @param shareId        the share that led to it; null for a re-invite
 */
record RegistrationLinkRequest(UUID eventId, UUID userId, String recipientEmail, RegistrationInvitation invitation,
                               byte[] sealedLink, UUID shareId) {

    RegistrationLinkRequest {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(recipientEmail, "recipientEmail");
        Objects.requireNonNull(invitation, "invitation");
    }

    @Override
    public String toString() {
        return "RegistrationLinkRequest[eventId=" + eventId + ", userId=" + userId + "]";
    }

    /** {@code <registration-{eventId}@shareflow>}: the same on every attempt, a new one for every issued link. */
    String messageId() {
        return messageId(eventId);
    }

    static String messageId(UUID eventId) {
        return "<registration-" + eventId + "@shareflow>";
    }
}
