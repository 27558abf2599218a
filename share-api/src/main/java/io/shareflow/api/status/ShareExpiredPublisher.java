package io.shareflow.api.status;

import io.shareflow.api.status.model.ShareExpired;
import io.shareflow.outbox.OutboxWriter;
import io.shareflow.support.kafka.TopicNames;

import org.springframework.stereotype.Component;

/** Publishes {@code ShareExpired} (version 1) on {@code shareflow.topics.share-events}, key the share id. */
@Component
class ShareExpiredPublisher {

    private final OutboxWriter outbox;
    private final TopicNames topics;

    ShareExpiredPublisher(OutboxWriter outbox, TopicNames topics) {
        this.outbox = outbox;
        this.topics = topics;
    }

    void expired(ShareExpired event) {
        outbox.append(topics.shareEvents(), "share", event.shareId().toString(),
                io.shareflow.events.ShareExpired.newBuilder()
                        .setEventId(event.eventId())
                        .setOccurredAt(event.occurredAt())
                        .setShareId(event.shareId())
                        .setOrganizationId(event.organizationId())
                        .setExpiresAt(event.expiresAt())
                        .build());
    }
}
