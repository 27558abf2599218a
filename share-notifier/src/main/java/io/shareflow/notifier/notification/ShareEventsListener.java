package io.shareflow.notifier.notification;

import java.util.List;

import io.shareflow.events.LinkRecipient;
import io.shareflow.events.ShareLinkCreated;
import io.shareflow.events.ShareNotificationRequested;
import io.shareflow.events.ShareRequested;
import io.shareflow.events.ShareRevoked;
import io.shareflow.notifier.mail.Invitation;
import io.shareflow.notifier.mail.LinkInvitation;
import io.shareflow.support.tracing.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Thin listener on the share events: {@code ShareRevoked} drops what is still to be sent for that share
 * ({@link ShareRevocation}); the three that ask for e-mail become a {@link NotificationRequest} (a direct
 * share's invitation or re-send) or a {@link LinkNotificationRequest} (a share by link, to each of its recipients)
 * for {@link NotificationRequestHandler}; the other share events are not this service's business. Failures
 * are left to the container's error handler (retries, then the dead-letter topic).
 *
 * <p>Both versions of the two events are read: a version-2 event carries the link sealed in {@code sealedLink},
 * which is passed on unopened; a version-1 event (written before share-api sealed links, still draining from the
 * topic) carries it in plaintext in {@code linkUrl}, which {@link LinkSealer} seals at once, so the plaintext never
 * gets further than this class. {@code ShareLinkCreated} is read from version 2 on, which carries the link sealed;
 * a version-1 record has no recipients and {@code notify = false}, and sends nothing.
 */
@Component
@KafkaListener(id = "share-notifier-share-events", idIsGroup = false, topics = "${shareflow.topics.share-events}")
class ShareEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ShareEventsListener.class);

    private final NotificationRequestHandler requests;
    private final LinkSealer links;

    ShareEventsListener(NotificationRequestHandler requests, LinkSealer links) {
        this.requests = requests;
        this.links = links;
    }

    /**
     * The original invitation ({@code attempt} 0), or re-send N of a share whose provisioning never answered, which
     * share-api publishes as its {@code ShareRequested} again; {@code notify = false} is recorded as skipped. A negative
     * attempt is refused (a dead letter), never taken for the first invitation's Message-ID.
     */
    @KafkaHandler
    void shareRequested(ShareRequested e) {
        try (var logContext = LogContext.share(e.getShareId())) {
            requests.accept(new NotificationRequest(e.getEventId(), e.getShareId(), e.getAttempt(),
                    e.getRecipientEmail(), e.getNotify(), new Invitation(e.getSharerName(), e.getSharerEmail(),
                            e.getResourceName(), e.getResourceKind(), e.getRole(), e.getSubject(), e.getMessage(),
                            e.getExpiresAt()),
                    links.sealedLinkOf(e.getShareId(), e.getSealedLink(), e.getLinkUrl())));
        }
    }

    /**
     * A re-send is always sent: asking for it is the notification the user wants. From version 3 on a link's re-send
     * (one event per recipient, {@code audience} set) is the link's e-mail to that recipient.
     */
    @KafkaHandler
    void shareNotificationRequested(ShareNotificationRequested e) {
        try (var logContext = LogContext.share(e.getShareId())) {
            if (e.getAudience() != null) {
                requests.accept(new LinkNotificationRequest(e.getEventId(), e.getShareId(), Math.max(1, e.getAttempt()),
                        List.of(e.getRecipientEmail()), true, new LinkInvitation(e.getSharerName(), e.getSharerEmail(),
                        e.getResourceName(), e.getResourceKind(), e.getRole(), e.getAudience(), e.getLinkName(),
                        e.getSubject(), e.getMessage(), e.getExpiresAt()),
                        links.sealedLinkOf(e.getShareId(), e.getSealedLink(), null)));
                return;
            }
            requests.accept(new NotificationRequest(e.getEventId(), e.getShareId(), Math.max(1, e.getAttempt()),
                    e.getRecipientEmail(), true, new Invitation(e.getSharerName(), e.getSharerEmail(),
                            e.getResourceName(), e.getResourceKind(), e.getRole(), e.getSubject(), e.getMessage(),
                            e.getExpiresAt()),
                    links.sealedLinkOf(e.getShareId(), e.getSealedLink(), e.getLinkUrl())));
        }
    }

    /**
     * A share by link, e-mailed to each recipient when {@code notify} is on. Its e-mail fields are nullable in the
     * schema (absent in version 1); a missing one is rendered as empty rather than failing the e-mail.
     */
    @KafkaHandler
    void shareLinkCreated(ShareLinkCreated e) {
        try (var logContext = LogContext.share(e.getLinkId())) {
            List<String> recipients = e.getRecipients().stream().map(LinkRecipient::getEmail).toList();
            requests.accept(new LinkNotificationRequest(e.getEventId(), e.getLinkId(), recipients, e.getNotify(),
                    new LinkInvitation(orEmpty(e.getSharerName()), orEmpty(e.getSharerEmail()),
                            orEmpty(e.getResourceName()), orEmpty(e.getResourceKind()), e.getRole(), e.getAudience(),
                            e.getName(), e.getSubject(), e.getMessage(), e.getExpiresAt()),
                    links.sealedLinkOf(e.getLinkId(), e.getSealedLink(), null)));
        }
    }

    /** A revoked share's e-mails still waiting (pending, or between retries) are dropped, never sent later. */
    @KafkaHandler
    void shareRevoked(ShareRevoked e) {
        try (var logContext = LogContext.share(e.getShareId())) {
            requests.accept(new ShareRevocation(e.getEventId(), e.getShareId()));
        }
    }

    @KafkaHandler(isDefault = true)
    void other(Object event) {
        log.debug("Ignoring {}: not this service's business", event.getClass().getSimpleName());
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
