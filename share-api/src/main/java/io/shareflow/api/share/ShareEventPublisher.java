package io.shareflow.api.share;

import java.nio.ByteBuffer;

import io.shareflow.api.share.model.ShareLinkCreated;
import io.shareflow.api.share.model.ShareEvents;
import io.shareflow.api.share.model.ShareRequested;
import io.shareflow.events.LinkRecipient;
import io.shareflow.outbox.OutboxWriter;
import io.shareflow.support.kafka.TopicNames;

import org.springframework.stereotype.Component;

/**
 * Publishes the share domain's events: turns each into its Avro event of {@code io.shareflow:schemas} (the one
 * place that does) and appends it to the outbox, in the caller's transaction, on {@code shareflow.topics.share-events}
 * with the share id as key.
 */
@Component
class ShareEventPublisher {

    private static final String AGGREGATE_TYPE = "share";

    private final OutboxWriter outbox;
    private final TopicNames topics;

    ShareEventPublisher(OutboxWriter outbox, TopicNames topics) {
        this.outbox = outbox;
        this.topics = topics;
    }

    /**
     * A share was requested: its {@code ShareRequested} (version 2), carrying the link only sealed in
     * {@code sealedLink}; {@code linkUrl}, which version-1 readers require, is written empty.
     */
    void requested(ShareRequested event) {
        outbox.append(topics.shareEvents(), AGGREGATE_TYPE, event.shareId().toString(), toAvro(event));
    }

    /**
     * A link was created: its {@code ShareLinkCreated} (version 2), {@code linkId} = the link's share id, carrying the
     * link only sealed in {@code sealedLink}, exactly as {@code ShareRequested} does.
     */
    void linkCreated(ShareLinkCreated event) {
        outbox.append(topics.shareEvents(), AGGREGATE_TYPE, event.shareId().toString(), toAvro(event));
    }

    /** A share was changed: its {@code ShareUpdated} (version 2, with what changed and a link's audience). */
    void updated(ShareEvents.Updated event) {
        outbox.append(topics.shareEvents(), AGGREGATE_TYPE, event.shareId().toString(),
                io.shareflow.events.ShareUpdated.newBuilder()
                        .setEventId(event.eventId())
                        .setOccurredAt(event.occurredAt())
                        .setShareId(event.shareId())
                        .setOrganizationId(event.organizationId())
                        .setRole(event.role().value())
                        .setExpiresAt(event.expiresAt())
                        .setUpdatedBy(event.updatedBy())
                        .setChanges(event.changes())
                        .setAudience(event.audience() == null ? null : event.audience().value())
                        .build());
    }

    /** A share was revoked: its {@code ShareRevoked} (version 2, with the cause). */
    void revoked(ShareEvents.Revoked event) {
        outbox.append(topics.shareEvents(), AGGREGATE_TYPE, event.shareId().toString(),
                io.shareflow.events.ShareRevoked.newBuilder()
                        .setEventId(event.eventId())
                        .setOccurredAt(event.occurredAt())
                        .setShareId(event.shareId())
                        .setOrganizationId(event.organizationId())
                        .setRevokedBy(event.revokedBy())
                        .setCause(event.cause().value())
                        .build());
    }

    /**
     * The invitation is to be sent again: its {@code ShareNotificationRequested} (version 3: a link's with its
     * audience and name), the link only sealed, {@code linkUrl} empty as in {@code ShareRequested}.
     */
    void notificationRequested(ShareEvents.NotificationRequested event) {
        outbox.append(topics.shareEvents(), AGGREGATE_TYPE, event.shareId().toString(),
                io.shareflow.events.ShareNotificationRequested.newBuilder()
                        .setEventId(event.eventId())
                        .setOccurredAt(event.occurredAt())
                        .setShareId(event.shareId())
                        .setOrganizationId(event.organizationId())
                        .setAttempt(event.attempt())
                        .setResourceName(event.resourceName())
                        .setResourceKind(event.resourceKind())
                        .setSharerName(event.sharerName())
                        .setSharerEmail(event.sharerEmail())
                        .setRecipientEmail(event.recipientEmail())
                        .setRole(event.role().value())
                        .setSubject(event.subject())
                        .setMessage(event.message())
                        .setExpiresAt(event.expiresAt())
                        .setLinkUrl("")
                        .setSealedLink(ByteBuffer.wrap(event.sealedLink()))
                        .setAudience(event.audience() == null ? null : event.audience().value())
                        .setLinkName(event.linkName())
                        .build());
    }

    private static io.shareflow.events.ShareLinkCreated toAvro(ShareLinkCreated event) {
        return io.shareflow.events.ShareLinkCreated.newBuilder()
                .setEventId(event.eventId())
                .setOccurredAt(event.occurredAt())
                .setLinkId(event.shareId())
                .setResourceId(event.resourceId())
                .setOrganizationId(event.organizationId())
                .setCreatedBy(event.sharerUserId())
                .setAudience(event.audience().value())
                .setRole(event.role().value())
                .setExpiresAt(event.expiresAt())
                .setName(event.name())
                .setResourceName(event.resourceName())
                .setResourceKind(event.resourceKind().value())
                .setSharerName(event.sharerName())
                .setSharerEmail(event.sharerEmail())
                .setRecipients(event.recipients().stream()
                        .map(recipient -> LinkRecipient.newBuilder()
                                .setEmail(recipient.email())
                                .setUserId(recipient.userId() == null ? null : recipient.userId().toString())
                                .build())
                        .toList())
                .setNotify(event.notifyRecipient())
                .setSubject(event.subject())
                .setMessage(event.message())
                .setSealedLink(ByteBuffer.wrap(event.sealedLink()))
                .build();
    }

    private static io.shareflow.events.ShareRequested toAvro(ShareRequested event) {
        return io.shareflow.events.ShareRequested.newBuilder()
                .setEventId(event.eventId())
                .setOccurredAt(event.occurredAt())
                .setShareId(event.shareId())
                .setRequestId(event.requestId())
                .setOrganizationId(event.organizationId())
                .setResourceId(event.resourceId())
                .setResourceName(event.resourceName())
                .setResourceKind(event.resourceKind().value())
                .setDocumentType(event.documentType() == null ? null : event.documentType().value())
                .setSharerUserId(event.sharerUserId())
                .setSharerName(event.sharerName())
                .setSharerEmail(event.sharerEmail())
                .setRecipientEmail(event.recipientEmail())
                .setRecipientUserId(event.recipientUserId())
                .setRole(event.role().value())
                .setSubject(event.subject())
                .setMessage(event.message())
                .setExpiresAt(event.expiresAt())
                .setNotify(event.notifyRecipient())
                .setLinkUrl("")
                .setSealedLink(ByteBuffer.wrap(event.sealedLink()))
                .setAttempt(event.attempt())
                .build();
    }
}
