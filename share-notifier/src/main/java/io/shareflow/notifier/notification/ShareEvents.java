package io.shareflow.notifier.notification;

import io.shareflow.events.ShareNotificationRequested;
import io.shareflow.events.ShareRequested;
import io.shareflow.notifier.mail.Invitation;

/** Turns the share events this service consumes into {@link NotificationRequest}s. */
final class ShareEvents {

    private ShareEvents() {
    }

    static NotificationRequest toRequest(ShareRequested e) {
        return new NotificationRequest(e.getEventId(), e.getShareId(), 0, e.getRecipientEmail(), e.getNotify(),
                new Invitation(e.getSharerName(), e.getSharerEmail(), e.getResourceName(), e.getResourceKind(),
                        e.getRole(), e.getSubject(), e.getMessage(), e.getExpiresAt(), e.getLinkUrl()));
    }

    /** A re-send is always sent: asking for it is the notification the user wants. */
    static NotificationRequest toRequest(ShareNotificationRequested e) {
        return new NotificationRequest(e.getEventId(), e.getShareId(), Math.max(1, e.getAttempt()),
                e.getRecipientEmail(), true,
                new Invitation(e.getSharerName(), e.getSharerEmail(), e.getResourceName(), e.getResourceKind(),
                        e.getRole(), e.getSubject(), e.getMessage(), e.getExpiresAt(), e.getLinkUrl()));
    }
}
