package io.shareflow.api.share;

import io.shareflow.api.share.model.ShareRequested;

/** The one place where the share domain's events become Avro events of {@code io.shareflow:schemas}. */
final class ShareEvents {

    private ShareEvents() {
    }

    static io.shareflow.events.ShareRequested toAvro(ShareRequested event) {
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
                .setLinkUrl(event.linkUrl())
                .build();
    }
}
