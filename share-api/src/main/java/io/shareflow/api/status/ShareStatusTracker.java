package io.shareflow.api.status;

import java.util.Optional;

import io.shareflow.api.status.model.ShareOutcome;
import io.shareflow.api.status.model.ShareProgress;
import io.shareflow.outbox.ProcessedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Applies what provisioning and notification report to the share's state, once per event. */
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

    @Transactional
    public void apply(ShareOutcome outcome) {
        if (!processedEvents.markProcessed(CONSUMER, outcome.eventId())) {
            log.debug("Event {} was processed before; skipping it", outcome.eventId());
            return;
        }
        try (MDC.MDCCloseable ignored = MDC.putCloseable("shareId", outcome.shareId().toString())) {
            Optional<ShareProgress> current = statuses.lock(outcome.shareId());
            if (current.isEmpty()) {
                // Shares are committed before their events leave the outbox, so no answer can
                // overtake its share: this one is about a share that never existed here.
                log.warn("Ignoring {} (event {}) for unknown share {}", outcome.cause(), outcome.eventId(),
                        outcome.shareId());
                return;
            }
            ShareProgress next = outcome.applyTo(current.get());
            if (next.equals(current.get())) {
                log.info("Share {}: {} (event {}) changes nothing, it stays {}", outcome.shareId(), outcome.cause(),
                        outcome.eventId(), describe(current.get()));
                return;
            }
            statuses.update(outcome.shareId(), next, outcome.cause(), outcome.reason(), outcome.eventId(),
                    outcome.occurredAt());
            log.info("Share {}: {} -> {} by {} (event {})", outcome.shareId(), describe(current.get()), describe(next),
                    outcome.cause(), outcome.eventId());
        }
    }

    private static String describe(ShareProgress progress) {
        return progress.status() + " (provisioning " + progress.provisioning() + ", notification "
                + progress.notification() + ")";
    }
}
