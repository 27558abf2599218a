package io.shareflow.api.status;

import io.shareflow.api.status.model.Provisioning;
import io.shareflow.api.status.model.ShareOutcome;
import io.shareflow.events.RecipientProvisioned;
import io.shareflow.events.RecipientRejected;
import io.shareflow.support.tracing.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** user-provisioner's answers to our share requests. */
@Component
@KafkaListener(id = "share-api-provisioning", idIsGroup = false, topics = "${shareflow.topics.share-provisioning}")
class ProvisioningListener {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningListener.class);

    private final ShareStatusTracker tracker;

    ProvisioningListener(ShareStatusTracker tracker) {
        this.tracker = tracker;
    }

    @KafkaHandler
    void on(RecipientProvisioned event) {
        try (var logContext = LogContext.share(event.getShareId())) {
            tracker.provisioned(ShareOutcome.provisioned(event.getEventId(), event.getOccurredAt(), event.getShareId(),
                    Provisioning.valueOf(event.getOutcome())), event.getUserId());
        }
    }

    @KafkaHandler
    void on(RecipientRejected event) {
        try (var logContext = LogContext.share(event.getShareId())) {
            tracker.apply(ShareOutcome.rejected(event.getEventId(), event.getOccurredAt(), event.getShareId(),
                    event.getReason()));
        }
    }

    /** Event types added to the topic later are not ours to handle. */
    @KafkaHandler(isDefault = true)
    void other(Object event) {
        log.debug("Ignoring {}", event.getClass().getSimpleName());
    }
}
