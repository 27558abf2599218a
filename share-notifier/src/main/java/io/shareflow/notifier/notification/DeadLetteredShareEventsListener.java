package io.shareflow.notifier.notification;

import java.util.List;

import io.shareflow.events.LinkRecipient;
import io.shareflow.events.ShareLinkCreated;
import io.shareflow.events.ShareNotificationRequested;
import io.shareflow.events.ShareRequested;
import io.shareflow.support.kafka.DeadLetter;
import io.shareflow.support.kafka.DeadLetterFollowUp;
import io.shareflow.support.kafka.TopicNames;
import io.shareflow.support.tracing.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The share events {@link ShareEventsListener} gave up on (DESIGN.md "No share stuck"): one that asked for e-mail —
 * {@code ShareRequested} with {@code notify}, {@code ShareNotificationRequested}, {@code ShareLinkCreated} with
 * {@code notify} and recipients — becomes a {@link DeadLetteredNotification} for
 * {@link DeadLetteredNotificationHandler}, which reports it failed at once. Anything else is left as it is: a record
 * that could not be read carries no share to report on (share-api's stuck-share sweep is the net for it), a
 * {@code ShareRevoked} needs no answer, a silent share's outcome is already settled in share-api.
 *
 * <p>Called by service-support's dead-letter recoverer ({@link DeadLetterFollowUp}), after the record was published to
 * the dead-letter topic: it never throws, since the partition must go on whatever happens here.
 */
@Component
class DeadLetteredShareEventsListener implements DeadLetterFollowUp {

    private static final Logger log = LoggerFactory.getLogger(DeadLetteredShareEventsListener.class);

    private final DeadLetteredNotificationHandler handler;
    private final TopicNames topics;

    DeadLetteredShareEventsListener(DeadLetteredNotificationHandler handler, TopicNames topics) {
        this.handler = handler;
        this.topics = topics;
    }

    @Override
    public void deadLettered(DeadLetter letter) {
        if (!topics.shareEvents().equals(letter.topic())) {
            return;
        }
        DeadLetteredNotification dead = notificationOf(letter);
        if (dead == null) {
            if (letter.value() == null) {
                log.warn("Unreadable record {}-{}@{} dead-lettered: no share to report on; share-api's stuck-share"
                        + " sweep fails its share if it was one", letter.topic(), letter.partition(), letter.offset());
            }
            return;
        }
        try (var context = LogContext.share(dead.shareId())) {
            handler.accept(dead);
        } catch (RuntimeException e) {
            log.error("Could not report the dead-lettered event {} of share {} as failed; share-api's stuck-share"
                    + " sweep will", dead.eventId(), dead.shareId(), e);
        }
    }

    /** What the dead-lettered event asked to be e-mailed; null when it asked for none. */
    private static DeadLetteredNotification notificationOf(DeadLetter letter) {
        Object value = letter.value();
        if (value instanceof ShareRequested e && e.getNotify()) {
            return new DeadLetteredNotification(e.getEventId(), e.getShareId(), List.of(e.getRecipientEmail()),
                    letter.reason());
        }
        if (value instanceof ShareNotificationRequested e) {
            return new DeadLetteredNotification(e.getEventId(), e.getShareId(), List.of(e.getRecipientEmail()),
                    letter.reason());
        }
        if (value instanceof ShareLinkCreated e && e.getNotify() && !e.getRecipients().isEmpty()) {
            return new DeadLetteredNotification(e.getEventId(), e.getLinkId(),
                    e.getRecipients().stream().map(LinkRecipient::getEmail).toList(), letter.reason());
        }
        return null;
    }
}
