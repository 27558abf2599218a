package io.shareflow.schemas;

import java.util.Objects;
import java.util.UUID;

/**
 * The {@code context} a sealed field of an event is sealed with ({@link SealedFields#seal(String, String)}), which
 * must be given again to open it: the producer and share-notifier agree on it here. A value sealed for one thing
 * does not open as another's: a share link copied into another share's event, or a registration link copied into
 * another user's, is {@link SealedFieldException.Reason#TAMPERED}.
 */
public final class SealContexts {

    private SealContexts() {
    }

    /**
     * The context of a share link ({@code sealedLink} of {@code ShareRequested}, {@code ShareNotificationRequested}
     * and {@code ShareLinkCreated}): the share id, as written ({@code shareId.toString()}).
     */
    public static String shareLink(UUID shareId) {
        return Objects.requireNonNull(shareId, "shareId").toString();
    }

    /**
     * The context of a registration link ({@code sealedRegistrationLink} of {@code RegistrationLinkIssued}):
     * {@code "registration/" + userId}, so that it can never be mistaken for a share link's.
     */
    public static String registrationLink(UUID userId) {
        return "registration/" + Objects.requireNonNull(userId, "userId");
    }
}
