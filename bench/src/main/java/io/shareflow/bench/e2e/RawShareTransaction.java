package io.shareflow.bench.e2e;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.shareflow.events.ShareRequested;
import io.shareflow.schemas.AvroEventSerializer;
import io.shareflow.schemas.CloudEventHeaders;
import io.shareflow.schemas.EventTypes;
import io.shareflow.schemas.SealedFields;
import tools.jackson.databind.json.JsonMapper;

/**
 * share-api's transaction for {@code POST /v1/shares/{resource}} with one new recipient (no Idempotency-Key), as
 * plain JDBC: the same statements in the same order (ShareService → Resources.findLocked, DirectoryUsers
 * .organizationsByAddress, SharingPolicies.of, Shares.add, ShareStatuses.record, OutboxWriter.append,
 * RateWindows.add), with the same values — a sealed link, the Avro {@code ShareRequested} with its CloudEvents
 * headers — so the baseline pays the database what share-api pays, and nothing of HTTP, Spring or JSON. The
 * statement list was checked against PostgreSQL's statement log of one share through the API (bench/README.md).
 */
final class RawShareTransaction implements ShareWrite {

    static final String SELECT_RESOURCE = """
            select * from resource
            where id = ? and organization_id = ? and deleted_at is null
             for share""";
    static final String SELECT_DIRECTORY = "select email_lower, organization_id from directory_user where email_lower in (?)";
    static final String SELECT_POLICY = "select * from sharing_policy where organization_id = ?";
    static final String INSERT_SHARE = """
            insert into share (id, request_id, type, organization_id, resource_id, recipient_email,
                               recipient_user_id, role, status, provisioning, notification, notify, subject,
                               message, expires_at, require_sign_in, link_token_hash, link_sealed,
                               link_key_id, sharer_name, sharer_email, created_by, created_at, updated_at,
                               requested_at, requested_role)
            values (?, ?, 'person', ?, ?, ?,
                    ?, ?, ?, ?, ?, ?, ?,
                    ?, ?, ?, ?, ?,
                    ?, ?, ?, ?, ?, ?,
                    ?, ?)
            """;
    static final String INSERT_HISTORY = """
            insert into share_history (share_id, status, provisioning, notification, cause, event_id, at,
                                       actor_user_id)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            """;
    static final String INSERT_OUTBOX = """
            with key_lock as (select pg_advisory_xact_lock(hashtextextended(?, 0)))
            insert into outbox_event (id, aggregatetype, aggregateid, type, payload, headers, topic)
            select ?, ?, ?, ?, ?, cast(? as jsonb), ?
            from key_lock
            """;
    static final String UPSERT_RATE_WINDOW = """
            insert into sharing_rate_window (user_id, window_start, recipients)
            select ?, ?, ? where ? <= ?
            on conflict (user_id, window_start) do update
                set recipients = sharing_rate_window.recipients + excluded.recipients
                where sharing_rate_window.recipients + excluded.recipients <= ?
            returning recipients""";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String MESSAGE = "Here is the A320 log.";
    private static final String TOPIC = "share.events.v1";
    private static final String SOURCE = "/shareflow/share-api";

    /** The resource shared: a row of the database written to. */
    record SharedResource(UUID id, UUID organizationId, String name, String kind, String documentType) {
    }

    private final SharedResource resource;
    private final List<Sharers.Sharer> sharers;
    private final SealedFields seals;
    private final String linkBaseUrl;
    private final int recipientsPerMinute;
    private final String part;

    /**
     * @param part the recipients' address prefix, {@code <part>-<sequence>@bench.example}
     */
    RawShareTransaction(SharedResource resource, List<Sharers.Sharer> sharers, String sealKey, String linkBaseUrl,
                        int recipientsPerMinute, String part) {
        this.resource = resource;
        this.sharers = List.copyOf(sharers);
        this.seals = SealedFields.fromKeyList(sealKey);
        this.linkBaseUrl = linkBaseUrl;
        this.recipientsPerMinute = recipientsPerMinute;
        this.part = part;
    }

    @Override
    public void write(Connection c, long sequence) throws SQLException {
        Instant now = Instant.now();
        Sharers.Sharer sharer = sharers.get((int) (sequence % sharers.size()));
        String recipient = HttpTarget.recipient(part, sequence);
        try (PreparedStatement s = c.prepareStatement(SELECT_RESOURCE)) {
            s.setObject(1, resource.id());
            s.setObject(2, resource.organizationId());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("The shared resource " + resource.id() + " is not in this database");
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement(SELECT_DIRECTORY)) {
            s.setString(1, recipient);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rs.getString(1);
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement(SELECT_POLICY)) {
            s.setObject(1, resource.organizationId());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rs.getString(1);
                }
            }
        }

        UUID requestId = UUID.randomUUID();
        UUID shareId = UUID.randomUUID();
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        String tokenText = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        String url = linkBaseUrl.replaceAll("/+$", "") + "/s/" + tokenText;
        String keyId = seals.currentKeyId();
        byte[] sealedLink = seals.seal(url, shareId.toString());
        UUID eventId = UUID.randomUUID();
        ShareRequested event = ShareRequested.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(now)
                .setShareId(shareId)
                .setRequestId(requestId)
                .setOrganizationId(resource.organizationId())
                .setResourceId(resource.id())
                .setResourceName(resource.name())
                .setResourceKind(resource.kind())
                .setDocumentType(resource.documentType())
                .setSharerUserId(sharer.userId())
                .setSharerName(sharer.name())
                .setSharerEmail(sharer.email())
                .setRecipientEmail(recipient)
                .setRecipientUserId(null)
                .setRole("viewer")
                .setSubject(null)
                .setMessage(MESSAGE)
                .setExpiresAt(null)
                .setNotify(true)
                .setLinkUrl("")
                .setSealedLink(ByteBuffer.wrap(sealedLink))
                .build();

        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        try (PreparedStatement s = c.prepareStatement(INSERT_SHARE)) {
            int i = 0;
            s.setObject(++i, shareId);
            s.setObject(++i, requestId);
            s.setObject(++i, resource.organizationId());
            s.setObject(++i, resource.id());
            s.setString(++i, recipient);
            s.setObject(++i, null);
            s.setString(++i, "viewer");
            s.setString(++i, "PENDING");
            s.setString(++i, "PENDING");
            s.setString(++i, "PENDING");
            s.setBoolean(++i, true);
            s.setString(++i, null);
            s.setString(++i, MESSAGE);
            s.setObject(++i, null);
            s.setBoolean(++i, false);
            s.setBytes(++i, sha256(tokenText));
            s.setBytes(++i, sealedLink);
            s.setString(++i, keyId);
            s.setString(++i, sharer.name());
            s.setString(++i, sharer.email());
            s.setObject(++i, sharer.userId());
            s.setObject(++i, at);
            s.setObject(++i, at);
            s.setObject(++i, at);
            s.setString(++i, null);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(INSERT_HISTORY)) {
            s.setObject(1, shareId);
            s.setString(2, "PENDING");
            s.setString(3, "PENDING");
            s.setString(4, "PENDING");
            s.setString(5, "ShareRequested");
            s.setObject(6, eventId);
            s.setObject(7, at);
            s.setObject(8, null);
            s.executeUpdate();
        }
        Map<String, String> headers = new HashMap<>(CloudEventHeaders.of(event, SOURCE));
        headers.put("traceparent", traceparent());
        try (PreparedStatement s = c.prepareStatement(INSERT_OUTBOX)) {
            s.setString(1, shareId.toString());
            s.setObject(2, eventId);
            s.setString(3, "share");
            s.setString(4, shareId.toString());
            s.setString(5, EventTypes.typeOf(event));
            s.setBytes(6, AvroEventSerializer.encode(event));
            s.setString(7, JSON.writeValueAsString(headers));
            s.setString(8, TOPIC);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(UPSERT_RATE_WINDOW)) {
            s.setObject(1, sharer.userId());
            s.setObject(2, now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC));
            s.setInt(3, 1);
            s.setInt(4, 1);
            s.setInt(5, recipientsPerMinute);
            s.setInt(6, recipientsPerMinute);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("The sharing rate limit refused share " + sequence);
                }
            }
        }
    }

    private static String traceparent() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] traceId = new byte[16];
        byte[] spanId = new byte[8];
        random.nextBytes(traceId);
        random.nextBytes(spanId);
        HexFormat hex = HexFormat.of();
        return "00-" + hex.formatHex(traceId) + "-" + hex.formatHex(spanId) + "-01";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
