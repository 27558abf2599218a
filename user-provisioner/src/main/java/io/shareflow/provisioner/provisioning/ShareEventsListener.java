package io.shareflow.provisioner.provisioning;

import io.shareflow.events.ShareRequested;
import io.shareflow.provisioner.provisioning.model.RecipientRequest;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads share-api's events and hands each {@code ShareRequested} to {@link RecipientProvisioning}.
 * Other event types on the topic are not this service's business. Failures are left to the
 * container's error handler (retries, then the dead-letter topic).
 */
@Component
class ShareEventsListener {

    private final RecipientProvisioning provisioning;

    ShareEventsListener(RecipientProvisioning provisioning) {
        this.provisioning = provisioning;
    }

    @KafkaListener(id = "share-events", idIsGroup = false, topics = "${shareflow.topics.share-events:share.events.v1}")
    void on(ConsumerRecord<String, SpecificRecord> record) {
        if (record.value() instanceof ShareRequested event) {
            try (MDC.MDCCloseable shareId = MDC.putCloseable("shareId", event.getShareId().toString())) {
                provisioning.handle(new RecipientRequest(event.getEventId(), event.getShareId(),
                        event.getOrganizationId(), event.getRecipientEmail()));
            }
        }
    }
}
