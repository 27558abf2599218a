package io.shareflow.notifier;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import io.shareflow.events.LinkRecipient;
import io.shareflow.events.ShareLinkCreated;
import io.shareflow.events.ShareNotificationRequested;
import io.shareflow.events.ShareRequested;
import io.shareflow.schemas.SchemaVersions;
import io.shareflow.schemas.SealedFields;
import io.shareflow.testsupport.EventFixtures;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Share events with the link sealed, as share-api publishes them from schema version 2 on ({@code sealedLink}
 * sealed under the share id, {@code linkUrl = ""}), and genuine version-1 records. test-support's
 * {@link EventFixtures} builds version-1-style events (the link in plaintext in {@code linkUrl}, {@code sealedLink}
 * null); {@link #plaintext} gives it a fresh random token of its own, and {@link #sealed} turns it into a
 * version-2 event. {@link #aSealedLink} is a share by link as share-api publishes it ({@code ShareLinkCreated} v2).
 */
final class SealedEventFixtures {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SealedEventFixtures() {
    }

    /** A new share of {@link EventFixtures#shareRequested()} as share-api publishes it from version 2 on. */
    static ShareRequested aSealedShare() {
        return sealed(plaintext(EventFixtures.shareRequested()), TestInfrastructure.SEAL_KEYS);
    }

    /** {@code v1Style} as a version-2 event: its link sealed under {@code keys}' current key, {@code linkUrl = ""}. */
    static ShareRequested sealed(ShareRequested v1Style, SealedFields keys) {
        return ShareRequested.newBuilder(v1Style)
                .setLinkUrl("")
                .setSealedLink(ByteBuffer.wrap(keys.seal(v1Style.getLinkUrl(), v1Style.getShareId().toString())))
                .build();
    }

    /** {@code v1Style} with a fresh token, still in plaintext in {@code linkUrl}: what a version-1 producer wrote. */
    static ShareRequested plaintext(ShareRequested v1Style) {
        return ShareRequested.newBuilder(v1Style).setLinkUrl(withFreshToken(v1Style.getLinkUrl())).setSealedLink(null)
                .build();
    }

    /** Re-send {@code attempt} of a sealed share ({@link EventFixtures#resendOf}), its link sealed anew. */
    static ShareNotificationRequested sealedResendOf(ShareRequested sealedShare, int attempt) {
        return ShareNotificationRequested.newBuilder(EventFixtures.resendOf(sealedShare, attempt))
                .setLinkUrl("")
                .setSealedLink(ByteBuffer.wrap(TestInfrastructure.SEAL_KEYS.seal(linkOf(sealedShare),
                        sealedShare.getShareId().toString())))
                .build();
    }

    /**
     * A new share by link, audience {@code anyone}, e-mailed to {@code recipients} (notify on), as share-api publishes
     * it: {@code ShareLinkCreated} version 2, the link (a fresh token) sealed with the tests' key under the link's
     * share id; {@link #linkOf(ShareLinkCreated)} opens it.
     */
    static ShareLinkCreated aSealedLink(String... recipients) {
        UUID linkId = UUID.randomUUID();
        String url = withFreshToken("http://localhost:8080/s/");
        return ShareLinkCreated.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setLinkId(linkId)
                .setResourceId(UUID.randomUUID())
                .setOrganizationId(UUID.randomUUID())
                .setCreatedBy(UUID.randomUUID())
                .setAudience("anyone")
                .setRole("downloader")
                .setExpiresAt(Instant.parse("2027-01-31T00:00:00Z"))
                .setName("For the auditors")
                .setResourceName("Plant 4 drawings")
                .setResourceKind("folder")
                .setSharerName("Ada Sharer")
                .setSharerEmail("ada@example.com")
                .setRecipients(List.of(recipients).stream()
                        .map(email -> LinkRecipient.newBuilder().setEmail(email).setUserId(null).build()).toList())
                .setNotify(true)
                .setSubject(null)
                .setMessage("Hi all,\nthe drawings. <b>not bold</b>")
                .setSealedLink(ByteBuffer.wrap(TestInfrastructure.SEAL_KEYS.seal(url, linkId.toString())))
                .build();
    }

    /** The link of a share by link, opened with the tests' key. */
    static String linkOf(ShareLinkCreated event) {
        return TestInfrastructure.SEAL_KEYS.open(bytes(event.getSealedLink()), event.getLinkId().toString());
    }

    /** The link of an event: opened with the tests' key when sealed, else the plaintext {@code linkUrl}. */
    static String linkOf(ShareRequested event) {
        return event.getSealedLink() == null ? event.getLinkUrl()
                : TestInfrastructure.SEAL_KEYS.open(bytes(event.getSealedLink()), event.getShareId().toString());
    }

    static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    /**
     * {@code v1Style} in Avro single-object encoding written with the released version-1 schema of its event, as
     * share-api wrote it before links were sealed: the notifier reads it through schema resolution.
     */
    static byte[] encodedAsVersion1(SpecificRecord v1Style) {
        Schema current = v1Style.getSchema();
        Schema v1 = SchemaVersions.kept().versionsOf(current.getFullName()).get(0);
        GenericRecord record = new GenericData.Record(v1);
        for (Schema.Field field : v1.getFields()) {
            record.put(field.name(), v1Style.get(current.getField(field.name()).pos()));
        }
        // The generated class's model converts its UUIDs and Instants to the schema's strings and longs.
        BinaryMessageEncoder<GenericRecord> encoder = new BinaryMessageEncoder<>(SpecificData.getForSchema(current), v1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            encoder.encode(record, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String withFreshToken(String link) {
        byte[] token = new byte[16];
        RANDOM.nextBytes(token);
        return link.substring(0, link.lastIndexOf('/') + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }
}
