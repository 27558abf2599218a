package io.shareflow.testsupport;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

import io.shareflow.events.ShareNotificationRequested;
import io.shareflow.events.ShareRequested;
import io.shareflow.events.ShareRevoked;

/**
 * Share events for the tests of the services that consume them, in version-1 form (the link in {@code linkUrl},
 * {@code sealedLink} null, as records written before sealing); a test that needs version 2 seals the link itself. Every call is
 * a new share (new ids) with a recipient nobody has used; change a field with {@code ShareRequested.newBuilder(e)}.
 * (The {@code schemas} module keeps its own fixed-value fixtures: they are the golden values of its encoding tests.)
 */
public final class EventFixtures {

    private static final SecureRandom RANDOM = new SecureRandom();

    private EventFixtures() {
    }

    /** A new share of a file by a new organisation's user, to a new address, notify on. */
    public static ShareRequested shareRequested() {
        UUID shareId = UUID.randomUUID();
        return shareRequested(UUID.randomUUID(), "bob-" + shareId.toString().substring(0, 8) + "@example.com", shareId);
    }

    /** A new share in {@code organizationId} to {@code recipientEmail}. */
    public static ShareRequested shareRequested(UUID organizationId, String recipientEmail) {
        return shareRequested(organizationId, recipientEmail, UUID.randomUUID());
    }

    private static ShareRequested shareRequested(UUID organizationId, String recipientEmail, UUID shareId) {
        return ShareRequested.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now())
                .setShareId(shareId)
                .setRequestId(UUID.randomUUID())
                .setOrganizationId(organizationId)
                .setResourceId(UUID.randomUUID())
                .setResourceName("Pump P-101 manual.pdf")
                .setResourceKind("file")
                .setDocumentType("asset-document")
                .setSharerUserId(UUID.randomUUID())
                .setSharerName("Ada Sharer")
                .setSharerEmail("ada@example.com")
                .setRecipientEmail(recipientEmail)
                .setRecipientUserId(null)
                .setRole("downloader")
                .setSubject(null)
                .setMessage("Hi Bob,\nhere it is. <b>not bold</b>")
                .setExpiresAt(Instant.parse("2027-01-31T00:00:00Z"))
                .setNotify(true)
                .setLinkUrl("http://localhost:8080/s/" + randomToken())
                .build();
    }

    /** The same share asked again under a new event id (a different event, not a redelivery). */
    public static ShareRequested anotherEventFor(ShareRequested share, String recipientEmail) {
        return ShareRequested.newBuilder(share).setEventId(UUID.randomUUID()).setRecipientEmail(recipientEmail).build();
    }

    /** An explicit re-send of {@code original}'s invitation. */
    public static ShareNotificationRequested resendOf(ShareRequested original, int attempt) {
        return ShareNotificationRequested.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now())
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
                .setSealedLink(original.getSealedLink())
                .build();
    }

    public static ShareRevoked revocationOf(ShareRequested original) {
        return ShareRevoked.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now())
                .setShareId(original.getShareId())
                .setOrganizationId(original.getOrganizationId())
                .setRevokedBy(original.getSharerUserId())
                .build();
    }

    /** A fresh address nobody has used. */
    public static String newEmail(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@recipient.example";
    }

    /** A link token as share-api makes them: 256 random bits, URL-safe base64 (a test can then look for it). */
    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
