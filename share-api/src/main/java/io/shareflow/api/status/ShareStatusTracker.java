package io.shareflow.api.status;

import java.util.Optional;
import java.util.UUID;

import io.shareflow.api.status.model.Notification;
import io.shareflow.api.status.model.ShareOutcome;
import io.shareflow.api.status.model.ShareProgress;
import io.shareflow.outbox.ProcessedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies what provisioning and notification report to the share's state, once per event. For a link, a
 * notification outcome changes the state of the e-mail to that one recipient, never the link's own status.
 */
@Component
class ShareStatusTracker {

    static final String CONSUMER = "share-api";
    private static final Logger log = LoggerFactory.getLogger(ShareStatusTracker.class);

    private final ProcessedEvents processedEvents;
    private final ShareStatuses statuses;

    ShareStatusTracker(ProcessedEvents processedEvents, ShareStatuses statuses) {
        this.processedEvents = processedEvents;
        this.statuses = statuses;
    }

    /**
     * A provisioning outcome ({@link #apply}) and, with it, the recipient's user id when the share did not know it yet
     * (a share to an address), in one transaction; a replay changes neither.
     */
    @Transactional
    public void provisioned(ShareOutcome outcome, UUID recipientUserId) {
        apply(outcome);
        if (recipientUserId != null) {
            statuses.recordRecipientUser(outcome.shareId(), recipientUserId);
        }
    }

    @Transactional
    public void apply(ShareOutcome outcome) {
        if (!processedEvents.markProcessed(CONSUMER, outcome.eventId())) {
            log.debug("Event {} was processed before; skipping it", outcome.eventId());
            return;
        }
        Optional<ShareStatuses.Locked> locked = statuses.lock(outcome.shareId());
        if (locked.isEmpty()) {
            // Shares are committed before their events leave the outbox, so no answer can
            // overtake its share: this one is about a share that never existed here.
            log.warn("Ignoring {} (event {}) for unknown share {}", outcome.cause(), outcome.eventId(),
                    outcome.shareId());
            return;
        }
        ShareProgress current = locked.get().progress();
        if (locked.get().link() && outcome.notification() != null) {
            applyToLinkRecipient(outcome, current);
            return;
        }
        ShareProgress next = outcome.applyTo(current);
        if (next.equals(current)) {
            log.info("Share {}: {} (event {}) changes nothing, it stays {}", outcome.shareId(), outcome.cause(),
                    outcome.eventId(), describe(current));
            return;
        }
        statuses.update(outcome.shareId(), next, outcome.cause(), outcome.reason(), outcome.eventId(),
                outcome.occurredAt());
        log.info("Share {}: {} -> {} by {} (event {})", outcome.shareId(), describe(current), describe(next),
                outcome.cause(), outcome.eventId());
    }

    /**
     * The e-mail to one recipient of a link, by the same rule as a direct share's invitation ({@link
     * Notification#after}); the change is in the link's history with the recipient named, its status untouched.
     */
    private void applyToLinkRecipient(ShareOutcome outcome, ShareProgress link) {
        if (outcome.recipientEmail() == null) {
            log.warn("Ignoring {} (event {}) for link {}: it does not name the recipient", outcome.cause(),
                    outcome.eventId(), outcome.shareId());
            return;
        }
        Optional<Notification> current = statuses.linkRecipientNotification(outcome.shareId(),
                outcome.recipientEmail());
        if (current.isEmpty()) {
            log.warn("Ignoring {} (event {}) for link {}: the address is none of its recipients", outcome.cause(),
                    outcome.eventId(), outcome.shareId());
            return;
        }
        Notification next = current.get().after(outcome.notification());
        if (next == current.get()) {
            log.info("Link {}: {} (event {}) changes nothing, that recipient's e-mail stays {}", outcome.shareId(),
                    outcome.cause(), outcome.eventId(), current.get());
            return;
        }
        statuses.updateLinkRecipientNotification(outcome.shareId(), outcome.recipientEmail(), next,
                outcome.occurredAt());
        statuses.record(outcome.shareId(), link, outcome.recipientCause(), outcome.eventId(), outcome.occurredAt());
        log.info("Link {}: a recipient's e-mail {} -> {} by {} (event {})", outcome.shareId(), current.get(), next,
                outcome.cause(), outcome.eventId());
    }

    private static String describe(ShareProgress progress) {
        return progress.status() + " (provisioning " + progress.provisioning() + ", notification "
                + progress.notification() + ")";
    }
}
