package io.shareflow.api.opening;

import java.time.Instant;
import java.util.UUID;

import io.shareflow.events.ShareOpened;
import io.shareflow.outbox.OutboxWriter;
import io.shareflow.support.kafka.TopicNames;

import org.springframework.stereotype.Component;

/** Publishes {@code ShareOpened} (key: the share id) through the outbox, in the caller's transaction. */
@Component
class ShareOpenedPublisher {

    private static final String AGGREGATE_TYPE = "share";

    private final OutboxWriter outbox;
    private final TopicNames topics;

    ShareOpenedPublisher(OutboxWriter outbox, TopicNames topics) {
        this.outbox = outbox;
        this.topics = topics;
    }

    /**
     * @param type           {@code person | link}
     * @param openedByUserId null = anonymous
     */
    void opened(UUID shareId, UUID organizationId, UUID resourceId, String type, UUID openedByUserId, Channel channel,
                Instant at) {
        outbox.append(topics.shareEvents(), AGGREGATE_TYPE, shareId.toString(), ShareOpened.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(at)
                .setShareId(shareId)
                .setOrganizationId(organizationId)
                .setResourceId(resourceId)
                .setShareType(type)
                .setOpenedByUserId(openedByUserId)
                .setChannel(channel.value())
                .build());
    }
}
