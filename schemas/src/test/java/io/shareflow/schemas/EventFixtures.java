package io.shareflow.schemas;

import io.shareflow.events.NotificationFailed;
import io.shareflow.events.NotificationSent;
import io.shareflow.events.RecipientProvisioned;
import io.shareflow.events.RecipientRejected;
import io.shareflow.events.RegistrationLinkIssued;
import io.shareflow.events.ShareExpired;
import io.shareflow.events.ShareLinkCreated;
import io.shareflow.events.LinkRecipient;
import io.shareflow.events.ShareNotificationRequested;
import io.shareflow.events.ShareOpened;
import io.shareflow.events.ShareRequested;
import io.shareflow.events.ShareRevoked;
import io.shareflow.events.ShareUpdated;
import io.shareflow.events.UserActivated;
import io.shareflow.events.UserUpserted;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/** One fully populated instance of every event; fixed values so failures are easy to read. */
final class EventFixtures {

    static final UUID EVENT_ID = UUID.fromString("00000000-0000-4000-8000-000000000001");
    static final Instant OCCURRED_AT = Instant.parse("2026-05-01T10:15:30.123Z");
    static final UUID SHARE_ID = UUID.fromString("5a0e0000-0000-4000-8000-000000000002");
    static final UUID ORG_ID = UUID.fromString("0a600000-0000-4000-8000-000000000003");
    static final UUID RESOURCE_ID = UUID.fromString("4e500000-0000-4000-8000-000000000004");
    static final UUID SHARER_ID = UUID.fromString("05e40000-0000-4000-8000-000000000005");
    static final UUID RECIPIENT_ID = UUID.fromString("4ec10000-0000-4000-8000-000000000006");
    static final Instant EXPIRES_AT = Instant.parse("2027-01-31T00:00:00Z");
    static final String LINK_URL = "http://localhost:8080/s/q3Zk1fVwS0m5yY2b7Jx9Ag";

    private EventFixtures() {
    }

    static List<SpecificRecord> all() {
        return List.of(shareRequested(), shareUpdated(), shareRevoked(), shareNotificationRequested(),
                shareLinkCreated(), recipientProvisioned(), recipientRejected(), notificationSent(),
                notificationFailed(), userUpserted(), userActivated(), shareOpened(), registrationLinkIssued(), shareExpired());
    }

    static ShareRequested shareRequested() {
        return ShareRequested.newBuilder()
                .setEventId(EVENT_ID).setOccurredAt(OCCURRED_AT)
                .setShareId(SHARE_ID).setRequestId(UUID.fromString("4e910000-0000-4000-8000-000000000007"))
                .setOrganizationId(ORG_ID).setResourceId(RESOURCE_ID)
                .setResourceName("Pump P-101 manual.pdf").setResourceKind("file").setDocumentType("asset-document")
                .setSharerUserId(SHARER_ID).setSharerName("Ada Sharer").setSharerEmail("ada@example.com")
                .setRecipientEmail("bob@example.com").setRecipientUserId(RECIPIENT_ID)
                .setRole("downloader").setSubject("The manual").setMessage("Hi Bob,\nhere it is. <b>Ünïcødé</b>")
                .setExpiresAt(EXPIRES_AT).setNotify(true).setLinkUrl(LINK_URL)
                .build();
    }

    /** A ShareRequested with every optional field null. */
    static ShareRequested shareRequestedWithoutOptionals() {
        return ShareRequested.newBuilder(shareRequested())
                .setDocumentType(null).setRecipientUserId(null).setSubject(null).setMessage(null).setExpiresAt(null)
                .setResourceKind("folder").setNotify(false)
                .build();
    }

    static ShareUpdated shareUpdated() {
        return ShareUpdated.newBuilder()
                .setEventId(EVENT_ID).setOccurredAt(OCCURRED_AT)
                .setShareId(SHARE_ID).setOrganizationId(ORG_ID).setRole("manager").setExpiresAt(EXPIRES_AT)
                .setUpdatedBy(SHARER_ID).setChanges(List.of("role", "expiresAt")).setAudience(null)
                .build();
    }

    static ShareRevoked shareRevoked() {
        return ShareRevoked.newBuilder()
                .setEventId(EVENT_ID).setOccurredAt(OCCURRED_AT)
                .setShareId(SHARE_ID).setOrganizationId(ORG_ID).setRevokedBy(SHARER_ID).setCause("resource-deleted")
                .build();
    }

    static ShareExpired shareExpired() {
        return ShareExpired.newBuilder()
                .setEventId(EVENT_ID).setOccurredAt(OCCURRED_AT)
                .setShareId(SHARE_ID).setOrganizationId(ORG_ID).setExpiresAt(EXPIRES_AT)
                .build();
    }

    static ShareNotificationRequested shareNotificationRequested() {
        return ShareNotificationRequested.newBuilder()
                .setEventId(EVENT_ID).setOccurredAt(OCCURRED_AT)
                .setShareId(SHARE_ID).setOrganizationId(ORG_ID).setAttempt(2)
                .setResourceName("Maintenance").setResourceKind("folder")
                .setSharerName("Ada Sharer").setSharerEmail("ada@example.com").setRecipientEmail("bob@example.com")
                .setRole("viewer").setSubject("Again").setMessage("Second try").setExpiresAt(EXPIRES_AT)
                .setLinkUrl(LINK_URL)
                .build();
    }

    static ShareLinkCreated shareLinkCreated() {
        return ShareLinkCreated.newBuilder()
                .setEventId(EVENT_ID).setOccurredAt(OCCURRED_AT)
                .setLinkId(UUID.fromString("714c0000-0000-4000-8000-000000000008")).setResourceId(RESOURCE_ID)
                .setOrganizationId(ORG_ID).setCreatedBy(SHARER_ID).setAudience("password").setRole("viewer")
                .setExpiresAt(EXPIRES_AT).setName("For the auditors")
                .setResourceName("Maintenance").setResourceKind("folder")
                .setSharerName("Ada Sharer").setSharerEmail("ada@example.com")
                .setRecipients(List.of(new LinkRecipient("bob@example.com", RECIPIENT_ID.toString()),
                        new LinkRecipient("carol@example.com", null)))
                .setNotify(true).setSubject("The manuals").setMessage("Have a look")
                .setSealedLink(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}))
                .build();
    }

    static ShareOpened shareOpened() {
        return ShareOpened.newBuilder()
                .setEventId(EVENT_ID).setOccurredAt(OCCURRED_AT)
                .setShareId(SHARE_ID).setOrganizationId(ORG_ID).setResourceId(RESOURCE_ID)
                .setShareType("link").setOpenedByUserId(RECIPIENT_ID).setChannel("page")
                .build();
    }

    static RecipientProvisioned recipientProvisioned() {
        return RecipientProvisioned.newBuilder()
                .setEventId(EVENT_ID).setOccurredAt(OCCURRED_AT)
                .setShareId(SHARE_ID).setCausationEventId(UUID.fromString("ca500000-0000-4000-8000-000000000009"))
                .setUserId(RECIPIENT_ID).setOrganizationId(ORG_ID).setRecipientEmail("bob@example.com")
                .setOutcome("USER_CREATED")
                .build();
    }

    static RecipientRejected recipientRejected() {
        return RecipientRejected.newBuilder()
                .setEventId(EVENT_ID).setOccurredAt(OCCURRED_AT)
                .setShareId(SHARE_ID).setCausationEventId(UUID.fromString("ca500000-0000-4000-8000-000000000009"))
                .setRecipientEmail("eve@other.example").setReason("Recipient belongs to another organisation")
                .build();
    }

    static RegistrationLinkIssued registrationLinkIssued() {
        return RegistrationLinkIssued.newBuilder()
                .setEventId(EVENT_ID).setOccurredAt(OCCURRED_AT)
                .setUserId(RECIPIENT_ID).setOrganizationId(ORG_ID).setOrganizationName("Acme Aviation")
                .setRecipientEmail("bob@example.com").setInviterName("Ada Sharer").setInviterEmail("ada@example.com")
                .setReason("SHARE").setShareId(SHARE_ID)
                .setCausationEventId(UUID.fromString("ca500000-0000-4000-8000-000000000009"))
                .setExpiresAt(EXPIRES_AT)
                .setSealedRegistrationLink(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}))
                .build();
    }

    static NotificationSent notificationSent() {
        return NotificationSent.newBuilder()
                .setEventId(EVENT_ID).setOccurredAt(OCCURRED_AT)
                .setShareId(SHARE_ID).setCausationEventId(UUID.fromString("ca500000-0000-4000-8000-000000000009"))
                .setMessageId("<share-5a0e-1@shareflow.local>").setAttempt(3).setSkipped(false)
                .setRecipientEmail("bob@example.com")
                .build();
    }

    static NotificationFailed notificationFailed() {
        return NotificationFailed.newBuilder()
                .setEventId(EVENT_ID).setOccurredAt(OCCURRED_AT)
                .setShareId(SHARE_ID).setCausationEventId(UUID.fromString("ca500000-0000-4000-8000-000000000009"))
                .setAttempts(5).setPermanent(true).setReason("550 5.1.1 mailbox unavailable")
                .setRecipientEmail("bob@example.com")
                .build();
    }

    static UserUpserted userUpserted() {
        return UserUpserted.newBuilder()
                .setEventId(EVENT_ID).setOccurredAt(OCCURRED_AT)
                .setUserId(RECIPIENT_ID).setOrganizationId(ORG_ID).setEmail("bob@example.com")
                .setDisplayName("Bob").setStatus("DEACTIVATED")
                .build();
    }

    static UserActivated userActivated() {
        return UserActivated.newBuilder()
                .setEventId(EVENT_ID).setOccurredAt(OCCURRED_AT)
                .setUserId(RECIPIENT_ID).setOrganizationId(ORG_ID).setEmail("bob@example.com")
                .setDisplayName("Bob Recipient")
                .build();
    }
}
