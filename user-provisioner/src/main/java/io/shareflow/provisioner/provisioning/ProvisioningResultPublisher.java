package io.shareflow.provisioner.provisioning;

import java.time.Clock;
import java.util.UUID;

import io.shareflow.events.RecipientProvisioned;
import io.shareflow.events.RecipientRejected;
import io.shareflow.outbox.OutboxWriter;
import io.shareflow.provisioner.provisioning.model.RecipientResult;
import io.shareflow.support.kafka.TopicNames;
import org.apache.avro.specific.SpecificRecord;

import org.springframework.stereotype.Component;

/** Turns provisioning results into Avro events on the provisioning topic (key = shareId), via the outbox. */
@Component
class ProvisioningResultPublisher {

    private static final String AGGREGATE = "share";

    private final OutboxWriter outbox;
    private final TopicNames topics;
    private final Clock clock;

    ProvisioningResultPublisher(OutboxWriter outbox, TopicNames topics, Clock clock) {
        this.outbox = outbox;
        this.topics = topics;
        this.clock = clock;
    }

    void publish(RecipientResult result) {
        outbox.append(topics.shareProvisioning(), AGGREGATE, result.shareId().toString(), toEvent(result));
    }

    SpecificRecord toEvent(RecipientResult result) {
        if (result instanceof RecipientResult.Provisioned provisioned) {
            return RecipientProvisioned.newBuilder()
                    .setEventId(UUID.randomUUID())
                    .setOccurredAt(clock.instant())
                    .setShareId(provisioned.shareId())
                    .setCausationEventId(provisioned.causationEventId())
                    .setUserId(provisioned.userId())
                    .setOrganizationId(provisioned.organizationId())
                    .setRecipientEmail(provisioned.recipientEmail())
                    .setOutcome(provisioned.outcome().name())
                    .build();
        }
        RecipientResult.Rejected rejected = (RecipientResult.Rejected) result;
        return RecipientRejected.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(clock.instant())
                .setShareId(rejected.shareId())
                .setCausationEventId(rejected.causationEventId())
                .setRecipientEmail(rejected.recipientEmail())
                .setReason(rejected.reason())
                .build();
    }
}
