package io.shareflow.provisioner.support;

import java.time.Instant;
import java.util.UUID;

import io.shareflow.events.ShareRequested;

/** Fixtures: {@code ShareRequested} events as share-api publishes them. */
public final class ShareRequests {

    private ShareRequests() {
    }

    public static ShareRequested aShareRequest(UUID organizationId, String recipientEmail) {
        UUID shareId = UUID.randomUUID();
        return ShareRequested.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setShareId(shareId)
                .setRequestId(UUID.randomUUID())
                .setOrganizationId(organizationId)
                .setResourceId(UUID.randomUUID())
                .setResourceName("Maintenance manual.pdf")
                .setResourceKind("file")
                .setDocumentType("maintenance-file")
                .setSharerUserId(UUID.randomUUID())
                .setSharerName("Sally Sharer")
                .setSharerEmail("sally@producer.example")
                .setRecipientEmail(recipientEmail)
                .setRole("viewer")
                .setNotify(true)
                .setLinkUrl("http://localhost:8080/s/" + UUID.randomUUID())
                .build();
    }

    /** The same share asked again under a new event id (a different event, not a redelivery). */
    public static ShareRequested anotherEventFor(ShareRequested share, String recipientEmail) {
        return ShareRequested.newBuilder(share).setEventId(UUID.randomUUID()).setRecipientEmail(recipientEmail).build();
    }

    /** A fresh address nobody has used. */
    public static String newEmail(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@recipient.example";
    }
}
