package io.shareflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shareflow.api.share.model.LinkToken;
import io.shareflow.api.support.Caller;
import io.shareflow.events.ShareLinkCreated;
import io.shareflow.events.ShareRequested;
import io.shareflow.schemas.Topics;
import io.shareflow.testsupport.HttpTestClient;
import io.shareflow.testsupport.SecretScanner;
import io.shareflow.testsupport.SecretScanner.Finding;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * What an attacker with a dump of share-api's database and of {@code share.events.v1} finds of a fresh share's link
 * token (and of a fresh password link's token and password): nothing, in no form. Every table is read in full over JDBC (the embedded PostgreSQL has no {@code pg_dump}):
 * every column as PostgreSQL's text form, bytea also as its raw bytes.
 */
class NoPlaintextTokenIT extends ShareApiIntegrationSupport {

    private final Caller sharer = Caller.sharer();

    /** One value of one row, where it was read; {@code bytes} only for bytea. */
    private record Cell(String table, String column, String text, byte[] bytes) {
    }

    private record Dump(List<String> tables, List<Cell> cells) {
    }

    @Test
    void theTokenOfAFreshShareIsNowhereInTheDatabaseNorOnTheTopic() {
        UUID resource = createDocument(sharer);
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Object> body = Map.of("recipientEmail", "dump-" + UUID.randomUUID() + "@example.com");
        HttpTestClient.Response accepted = api.post("/v1/shares/" + resource, sharer.token(), body, key);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        JsonNode share = accepted.data().get("shares").get(0);
        UUID shareId = UUID.fromString(share.get("shareId").asString());
        String url = share.get("url").asString();
        String token = url.substring(url.lastIndexOf('/') + 1);
        SecretScanner scanner = SecretScanner.of(token);
        // The stored (sealed) answer of the Idempotency-Key is used, and the url shown again: neither leaves a trace.
        assertThat(api.post("/v1/shares/" + resource, sharer.token(), body, key).json()).isEqualTo(accepted.json());
        assertThat(api.get("/v1/shares/" + shareId, sharer.token()).data().get("url").asString()).isEqualTo(url);

        // On the topic: linkUrl empty, the link sealed for this share.
        ShareRequested event = (ShareRequested) kafka().eventsUntil(Topics.SHARE_EVENTS, shareId.toString(),
                events -> !events.isEmpty()).get(0);
        assertThat(event.getLinkUrl()).isEmpty();
        assertThat(seals().open(bytes(event.getSealedLink()), shareId.toString())).isEqualTo(url);
        // The relay has moved the outbox row to the published partition, where it is kept for replays.
        await().until(() -> count("select count(*) from outbox_event_published where aggregateid = ?",
                shareId.toString()) == 1);

        // Every record of the topic, key, headers and value.
        List<ConsumerRecord<String, byte[]>> records = kafka().readUntil(Topics.SHARE_EVENTS,
                all -> all.stream().anyMatch(r -> shareId.toString().equals(r.key())));
        for (ConsumerRecord<String, byte[]> record : records) {
            assertThat(scanner.findIn(String.valueOf(record.key()))).as("key at offset " + record.offset()).isEmpty();
            assertThat(scanner.findIn(record.value())).as("value at offset " + record.offset()).isEmpty();
            for (Header header : record.headers()) {
                assertThat(scanner.findIn(header.key())).as("header name " + header.key()).isEmpty();
                assertThat(scanner.findIn(header.value())).as("header " + header.key()).isEmpty();
            }
        }

        // Every row of every table.
        Dump whole = dump();
        assertThat(whole.tables()).contains("share", "share_history", "idempotent_request", "outbox_event_pending",
                "outbox_event_published", "outbox_event_parked", "processed_event", "directory_user", "resource");
        List<Cell> dump = whole.cells();
        // The scan sees what is there: this share's id and the hex of its token's hash (a bytea column).
        assertThat(dump).anyMatch(cell -> cell.table().equals("share") && cell.text().contains(shareId.toString()));
        assertThat(dump).anyMatch(cell -> cell.table().equals("outbox_event_published")
                && cell.text().contains(shareId.toString()));
        assertThat(dump).anyMatch(cell -> cell.table().equals("idempotent_request") && cell.bytes() != null);
        String hashHex = HexFormat.of().formatHex(LinkToken.sha256(token));
        assertThat(dump).anyMatch(cell -> cell.table().equals("share") && cell.text().contains(hashHex));

        List<String> found = new ArrayList<>();
        for (Cell cell : dump) {
            String where = cell.table() + "." + cell.column();
            for (Finding finding : scanner.findIn(where, cell.text())) {
                found.add(finding.toString());
            }
            for (Finding finding : scanner.findIn(where + " (bytea)", cell.bytes())) {
                found.add(finding.toString());
            }
        }
        assertThat(found).as("the token in the dump").isEmpty();
    }

    @Test
    void theTokenAndThePasswordOfAFreshPasswordLinkAreNowhereInTheDatabaseNorOnTheTopic() {
        UUID resource = createDocument(sharer);
        String password = "pw " + UUID.randomUUID();
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Object> body = Map.of("audience", "password", "password", password, "name", "Dump test",
                "recipients", List.of(Map.of("email", "dump-" + UUID.randomUUID() + "@example.com")));
        HttpTestClient.Response created = api.post("/v1/shares/" + resource + "/links", sharer.token(), body, key);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID shareId = UUID.fromString(created.data().get("shareId").asString());
        String url = created.data().get("url").asString();
        SecretScanner scanner = new SecretScanner(Map.of("the token", SecretScanner.tokenOf(url),
                "the password", password));
        assertThat(api.post("/v1/shares/" + resource + "/links", sharer.token(), body, key).json())
                .isEqualTo(created.json());
        assertThat(api.get("/v1/shares/" + shareId, sharer.token()).data().get("url").asString()).isEqualTo(url);

        ShareLinkCreated event = (ShareLinkCreated) kafka().eventsUntil(Topics.SHARE_EVENTS, shareId.toString(),
                events -> !events.isEmpty()).get(0);
        assertThat(seals().open(bytes(event.getSealedLink()), shareId.toString())).isEqualTo(url);
        await().until(() -> count("select count(*) from outbox_event_published where aggregateid = ?",
                shareId.toString()) == 1);

        List<String> found = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : kafka().readUntil(Topics.SHARE_EVENTS,
                all -> all.stream().anyMatch(r -> shareId.toString().equals(r.key())))) {
            String where = "record at offset " + record.offset();
            scanner.findIn(where + " key", String.valueOf(record.key())).forEach(f -> found.add(f.toString()));
            scanner.findIn(where + " value", record.value()).forEach(f -> found.add(f.toString()));
            for (Header header : record.headers()) {
                scanner.findIn(where + " header " + header.key(), header.value()).forEach(f -> found.add(f.toString()));
            }
        }
        List<Cell> dump = dump().cells();
        assertThat(dump).anyMatch(cell -> cell.table().equals("share_link_recipient")
                && cell.text().contains(shareId.toString()));
        assertThat(dump).anyMatch(cell -> cell.table().equals("share") && cell.column().equals("password_hash")
                && cell.text().startsWith("$2a$"));
        for (Cell cell : dump) {
            String where = cell.table() + "." + cell.column();
            scanner.findIn(where, cell.text()).forEach(f -> found.add(f.toString()));
            scanner.findIn(where + " (bytea)", cell.bytes()).forEach(f -> found.add(f.toString()));
        }
        assertThat(found).as("the token or the password in the dump").isEmpty();
    }

    /** Every value of every table of the service's schema (partitions on their own, not their parent). */
    private Dump dump() {
        List<String> tables = jdbc.sql("""
                        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = current_schema() and c.relkind = 'r' order by 1
                        """)
                .query(String.class).list();
        List<Cell> cells = new ArrayList<>();
        for (String table : tables) {
            jdbc.sql("select * from \"" + table + "\"").query((RowCallbackHandler) rs -> {
                ResultSetMetaData meta = rs.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    // PostgreSQL's text form of any type (bytea as \x hex, jsonb as JSON); bytea also as its bytes.
                    String text = rs.getString(i);
                    byte[] bytes = "bytea".equals(meta.getColumnTypeName(i)) ? rs.getBytes(i) : null;
                    cells.add(new Cell(table, meta.getColumnName(i), text == null ? "" : text, bytes));
                }
            });
        }
        return new Dump(tables, cells);
    }

}
