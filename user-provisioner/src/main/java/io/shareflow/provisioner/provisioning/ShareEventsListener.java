package io.shareflow.provisioner.provisioning;

import io.shareflow.events.ShareRequested;
import io.shareflow.provisioner.provisioning.model.RecipientRequest;
import io.shareflow.support.tracing.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads share-api's events and hands each {@code ShareRequested} to {@link RecipientProvisioning}.
 * Other event types on the topic are not this service's business. Failures are left to the
 * container's error handler (retries, then the dead-letter topic).
 */
@Component
@KafkaListener(id = "user-provisioner-share-events", idIsGroup = false, topics = "${shareflow.topics.share-events}")
class ShareEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ShareEventsListener.class);

    private final RecipientProvisioning provisioning;

    ShareEventsListener(RecipientProvisioning provisioning) {
        this.provisioning = provisioning;
    }

    @KafkaHandler
    void shareRequested(ShareRequested event) {
        try (var logContext = LogContext.share(event.getShareId())) {
            provisioning.handle(new RecipientRequest(event.getEventId(), event.getShareId(),
                    event.getOrganizationId(), event.getRecipientEmail(), event.getNotify(), event.getSharerName(),
                    event.getSharerEmail()));
        }
    }

    @KafkaHandler(isDefault = true)
    void other(Object event) {
        log.debug("Ignoring {}: not this service's business", event.getClass().getSimpleName());
    }
}
