package io.shareflow.bench.peer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.shareflow.events.ShareRequested;
import io.shareflow.schemas.AvroEventSerializer;
import io.shareflow.schemas.CloudEventHeaders;
import tools.jackson.databind.json.JsonMapper;

/**
 * The backlog every drain starts from, {@code OutboxBenchmark}'s and the library peer's (a ~400-byte
 * Avro {@link ShareRequested} with its CloudEvents headers, round-robin over 1,000 share ids as
 * keys), so that the relay, the raw producer and the peer send identical records.
 */
public final class ShareRequestedBacklog {

    public static final int KEYS = 1_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One pending event: its key (the share id), the encoded payload and the headers, also as the relay's JSON column. */
    public record Event(UUID id, String key, ShareRequested event, byte[] payload, Map<String, String> headers,
                        String headersJson) {
    }

    private ShareRequestedBacklog() {
    }

    public static List<Event> events(int count) {
        List<UUID> keys = new ArrayList<>(KEYS);
        for (int i = 0; i < KEYS; i++) {
            keys.add(UUID.randomUUID());
        }
        List<Event> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            UUID shareId = keys.get(i % KEYS);
            ShareRequested event = ShareRequested.newBuilder()
                    .setEventId(UUID.randomUUID()).setOccurredAt(Instant.now()).setShareId(shareId)
                    .setRequestId(UUID.randomUUID()).setOrganizationId(UUID.randomUUID()).setResourceId(UUID.randomUUID())
                    .setResourceName("Quarterly maintenance report.pdf").setResourceKind("file")
                    .setDocumentType("maintenance-file").setSharerUserId(UUID.randomUUID()).setSharerName("Ada Lovelace")
                    .setSharerEmail("ada@example.com").setRecipientEmail("recipient" + i + "@example.com")
                    .setRecipientUserId(null).setRole("viewer").setSubject(null).setMessage(null).setExpiresAt(null)
                    .setNotify(true).setLinkUrl("http://localhost:8080/s/" + "x".repeat(22))
                    .build();
            Map<String, String> headers = CloudEventHeaders.of(event, "/shareflow/bench");
            events.add(new Event(event.getEventId(), shareId.toString(), event, AvroEventSerializer.encode(event), headers,
                    JSON.writeValueAsString(headers)));
        }
        return events;
    }

    /** Writes the events as pending rows of the outbox table of {@code ds}, for {@code topic}, in one transaction. */
    public static void insertPending(DataSource ds, String topic, List<Event> events) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into outbox_event (id, aggregatetype, aggregateid, type, payload, headers, topic)
                values (?, 'share', ?, 'ShareRequested', ?, cast(? as jsonb), ?)""")) {
            c.setAutoCommit(false);
            for (int i = 0; i < events.size(); i++) {
                Event e = events.get(i);
                ps.setObject(1, e.id());
                ps.setString(2, e.key());
                ps.setBytes(3, e.payload());
                ps.setString(4, e.headersJson());
                ps.setString(5, topic);
                ps.addBatch();
                if (i % 1000 == 999) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
            c.commit();
        }
    }
}
