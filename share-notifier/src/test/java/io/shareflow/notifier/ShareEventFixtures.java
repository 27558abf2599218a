package io.shareflow.notifier;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.shareflow.events.ShareNotificationRequested;
import io.shareflow.events.ShareRequested;
import io.shareflow.events.ShareRevoked;

/** Share events as share-api publishes them; every call is a new share with its own recipient. */
final class ShareEventFixtures {

    private ShareEventFixtures() {
    }

    static ShareRequested aShareRequested() {
        UUID shareId = UUID.randomUUID();
        return ShareRequested.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setShareId(shareId)
                .setRequestId(UUID.randomUUID())
                .setOrganizationId(UUID.randomUUID())
                .setResourceId(UUID.randomUUID())
                .setResourceName("Pump P-101 manual.pdf")
                .setResourceKind("file")
                .setDocumentType("asset-document")
                .setSharerUserId(UUID.randomUUID())
                .setSharerName("Ada Sharer")
                .setSharerEmail("ada@example.com")
                .setRecipientEmail("bob-" + shareId.toString().substring(0, 8) + "@example.com")
                .setRecipientUserId(null)
                .setRole("downloader")
                .setSubject(null)
                .setMessage("Hi Bob,\nhere it is. <b>not bold</b>")
                .setExpiresAt(Instant.parse("2027-01-31T00:00:00Z"))
                .setNotify(true)
                .setLinkUrl("http://localhost:8080/s/" + shareId.toString().replace("-", ""))
                .build();
    }

    static ShareRequested aSilentShareRequested() {
        return ShareRequested.newBuilder(aShareRequested()).setNotify(false).build();
    }

    static ShareRequested to(String recipientEmail) {
        return ShareRequested.newBuilder(aShareRequested()).setRecipientEmail(recipientEmail).build();
    }

    static ShareNotificationRequested aResend(ShareRequested original, int attempt) {
        return ShareNotificationRequested.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setShareId(original.getShareId())
                .setOrganizationId(original.getOrganizationId())
                .setAttempt(attempt)
                .setResourceName(original.getResourceName())
                .setResourceKind(original.getResourceKind())
                .setSharerName(original.getSharerName())
                .setSharerEmail(original.getSharerEmail())
                .setRecipientEmail(original.getRecipientEmail())
                .setRole(original.getRole())
                .setSubject("Reminder: the manual")
                .setMessage(original.getMessage())
                .setExpiresAt(original.getExpiresAt())
                .setLinkUrl(original.getLinkUrl())
                .build();
    }

    static ShareRevoked aRevocation(ShareRequested original) {
        return ShareRevoked.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setShareId(original.getShareId())
                .setOrganizationId(original.getOrganizationId())
                .setRevokedBy(original.getSharerUserId())
                .build();
    }
}
