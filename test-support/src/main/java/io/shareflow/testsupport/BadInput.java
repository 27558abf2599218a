package io.shareflow.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

/**
 * The table-driven bad-input tests of the services: one {@link Case} per line, the payloads every service must refuse
 * (65 KiB bodies, 1,000-level nesting, XXE, billion laughs), and the row counts of every table, taken before and after
 * each case to show that a refused request wrote nothing.
 *
 * <pre>{@code
 * post("/v1/shares/{resource}", "{\"recipientEmail\": \"a@example.com\", \"notfy\": false}", 400, "notfy"),
 * get("/v1/shares?size=0", 400, "size"),
 * }</pre>
 * A path may hold placeholders ({@code {resource}}) that the test replaces with ids of its fixture.
 */
public final class BadInput {

    /** 65 KiB: one KiB over the request body limit of every service. */
    public static final int KIB_65 = 65 * 1024;

    private BadInput() {
    }

    /**
     * One bad request and the answer it must get.
     *
     * @param body    a String sent as is (JSON unless {@code headers} say otherwise); null for none
     * @param field   the {@code extension.field} of the error; null = the error names no field
     * @param chunked the body is sent without {@code Content-Length} (see {@link #requestBody()})
     */
    public record Case(String name, String method, String path, String body, Map<String, String> headers, int status,
                       String errorCode, String field, boolean chunked) {

        /** The same request with one more header (e.g. {@code Content-Type: application/xml}). */
        public Case header(String name, String value) {
            Map<String, String> more = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            more.putAll(headers);
            more.put(name, value);
            return new Case(this.name, method, path, body, Collections.unmodifiableMap(more), status, errorCode, field,
                    chunked);
        }

        /** The same request as XML ({@code Content-Type: application/xml}). */
        public Case xml() {
            return header("Content-Type", "application/xml");
        }

        /** The same case under another name (a table line says what it shows). */
        public Case named(String name) {
            return new Case(name, method, path, body, headers, status, errorCode, field, chunked);
        }

        /** The same request with its body sent chunked, without {@code Content-Length}. */
        public Case sentChunked() {
            return new Case(name + " (chunked)", method, path, body, headers, status, errorCode, field, true);
        }

        /** The body for {@link HttpTestClient#send}: the text, or the same bytes chunked. */
        public Object requestBody() {
            return chunked && body != null ? new HttpTestClient.Chunked(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)) : body;
        }

        /** The case with the placeholders of its path and body replaced. */
        public Case resolve(UnaryOperator<String> placeholders) {
            return new Case(name, method, placeholders.apply(path), body == null ? null : placeholders.apply(body),
                    headers, status, errorCode, field, chunked);
        }

        @Override
        public String toString() {
            return method + " " + path + ": " + name;
        }
    }

    public static Case get(String path, int status, String field) {
        return request("GET", path, null, status, field);
    }

    public static Case post(String path, String body, int status, String field) {
        return request("POST", path, body, status, field);
    }

    public static Case put(String path, String body, int status, String field) {
        return request("PUT", path, body, status, field);
    }

    public static Case patch(String path, String body, int status, String field) {
        return request("PATCH", path, body, status, field);
    }

    public static Case delete(String path, int status, String field) {
        return request("DELETE", path, null, status, field);
    }

    public static Case request(String method, String path, String body, int status, String field) {
        String name = body == null ? "" : body.length() > 60 ? body.substring(0, 60) + "… (" + body.length() + " chars)" : body;
        return new Case(name, method, path, body, Map.of(), status, errorCodeOf(status), field, false);
    }

    /** The envelope's errorCode of a status (DESIGN.md's list, and the statuses HTTP answers itself). */
    public static String errorCodeOf(int status) {
        return switch (status) {
            case 400 -> "BadRequest";
            case 401 -> "Unauthorized";
            case 403 -> "NoPermission";
            case 404 -> "NotFound";
            case 405 -> "MethodNotAllowed";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 413 -> "PayloadTooLarge";
            case 415 -> "UnsupportedMediaType";
            case 422 -> "UnprocessableEntity";
            case 429 -> "TooManyRequests";
            default -> throw new IllegalArgumentException("not a bad-input status: " + status);
        };
    }

    /** A JSON object of exactly {@code bytes} bytes (ASCII): {@code {"<field>": "xxx…"}}. */
    public static String jsonOfSize(String field, int bytes) {
        String start = "{\"" + field + "\": \"";
        return start + "x".repeat(bytes - start.length() - 2) + "\"}";
    }

    /** {@code json} (an object) with a field nested {@code levels} arrays deep. */
    public static String nestedJson(String json, int levels) {
        return json.substring(0, json.lastIndexOf('}')) + (json.trim().equals("{}") ? "" : ", ")
                + "\"deep\": " + "[".repeat(levels) + "]".repeat(levels) + "}";
    }

    /** An XML document {@code <root>} with an element nested {@code levels} deep. */
    public static String nestedXml(String root, int levels) {
        return "<" + root + ">" + "<a>".repeat(levels) + "</a>".repeat(levels) + "</" + root + ">";
    }

    /** XXE: an external entity naming {@code /etc/passwd}, used in {@code <root><field>}. */
    public static String xxe(String root, String field) {
        return "<?xml version=\"1.0\"?>\n<!DOCTYPE " + root + " [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<"
                + root + "><" + field + ">&xxe;</" + field + "></" + root + ">";
    }

    /** The billion laughs: ten levels of entities, each ten of the one below (10^9 "lol"s expanded). */
    public static String billionLaughs(String root, String field) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE " + root + " [\n<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            xml.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        return xml.append("]>\n<").append(root).append("><").append(field).append(">&lol9;</").append(field)
                .append("></").append(root).append(">").toString();
    }

    /**
     * That the answer is the case's: its status (never a 5xx), one envelope error with its errorCode and
     * {@code extension.field} (or no field), no internals, nothing of a file an entity named.
     */
    public static void assertAnswer(Case c, HttpTestClient.Response response) {
        assertTrue(response.status() < 500, () -> c + ": never a 5xx: " + response);
        assertEquals(c.status(), response.status(), () -> c + ": " + response);
        JsonNode errors = response.json().path("errors");
        assertTrue(errors.isArray() && !errors.isEmpty(), () -> c + ": an error envelope: " + response);
        List<String> fields = new ArrayList<>();
        for (JsonNode error : errors) {
            assertEquals(c.errorCode(), error.path("errorCode").asString(), () -> c + ": " + response);
            assertTrue(error.path("extension").isObject(), () -> c + ": extension always present: " + response);
            JsonNode field = error.path("extension").path("field");
            fields.add(field.isMissingNode() || field.isNull() ? null : field.asString());
        }
        if (c.field() == null) {
            assertTrue(fields.stream().allMatch(java.util.Objects::isNull), () -> c + ": no field: " + response);
        } else {
            assertTrue(fields.contains(c.field()), () -> c + ": field " + c.field() + ": " + response);
        }
        for (String internal : List.of("Exception", "tools.jackson", "\tat ", "root:x:0:0", "lollollol")) {
            assertTrue(!response.body().contains(internal), () -> c + ": no " + internal + ": " + response);
        }
    }

    /**
     * {@link #rowCounts} once they hold still (two readings 100 ms apart agree): the service's own background work —
     * the outbox relay moving the rows of an earlier request, a listener — must not be taken for the case's writes.
     */
    public static Map<String, Long> stableRowCounts(DataSource dataSource) {
        AtomicReference<Map<String, Long>> last = new AtomicReference<>(rowCounts(dataSource));
        Awaitility.await("row counts holding still").atMost(Duration.ofSeconds(30)).pollDelay(Duration.ofMillis(100))
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    Map<String, Long> now = rowCounts(dataSource);
                    return now.equals(last.getAndSet(now));
                });
        return last.get();
    }

    /** The number of rows of every table of the current schema, by table name. */
    public static Map<String, Long> rowCounts(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("""
                    select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = current_schema() and c.relkind in ('r', 'p') order by 1""")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("select count(*) from \"" + table.replace("\"", "\"\"") + "\"")) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the rows", e);
        }
    }

    /**
     * The rows of the fixture, to show that a refused request changed none (an {@code UPDATE} leaves the row counts as
     * they were): of every table of the current schema with a column {@code column}, the rows whose {@code column} is
     * {@code value}, each as the digest of its text, by {@code table.column}.
     */
    public static Map<String, Set<String>> rowsWhere(DataSource dataSource, String column, Object value) {
        try (Connection connection = dataSource.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    select c.table_name from information_schema.columns c
                    join pg_class t on t.relname = c.table_name join pg_namespace n on n.oid = t.relnamespace
                    where c.table_schema = current_schema() and n.nspname = current_schema() and t.relkind in ('r', 'p')
                      and c.column_name = ? order by 1""")) {
                statement.setString(1, column);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
            }
            Map<String, Set<String>> rows = new TreeMap<>();
            for (String table : tables) {
                String quoted = "\"" + table.replace("\"", "\"\"") + "\"";
                try (PreparedStatement statement = connection.prepareStatement(
                        "select md5(t::text) from " + quoted + " t where t.\"" + column + "\" = ?")) {
                    statement.setObject(1, value);
                    Set<String> digests = new TreeSet<>();
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            digests.add(rs.getString(1));
                        }
                    }
                    rows.put(table + "." + column, digests);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the rows", e);
        }
    }

    /**
     * That no row of {@link #rowsWhere} is new or changed (a sweep of the service may delete meanwhile).
     */
    public static void assertNothingChanged(Case c, Map<String, Set<String>> before, Map<String, Set<String>> after) {
        assertEquals(before.keySet(), after.keySet(), () -> c + ": the tables");
        Map<String, Integer> changed = new TreeMap<>();
        after.forEach((table, rows) -> {
            long added = rows.stream().filter(row -> !before.get(table).contains(row)).count();
            if (added > 0) {
                changed.put(table, (int) added);
            }
        });
        assertTrue(changed.isEmpty(), () -> c + ": no row changed, but (rows new or changed): " + changed);
    }

    /**
     * That no table has more rows than before (a sweep of the service may delete meanwhile; a refused request must not
     * add). {@code before} must name every table {@code after} does.
     */
    public static void assertNothingWritten(Case c, Map<String, Long> before, Map<String, Long> after) {
        assertEquals(before.keySet(), after.keySet(), () -> c + ": the tables");
        Map<String, String> grown = new TreeMap<>();
        after.forEach((table, rows) -> {
            if (rows > before.get(table)) {
                grown.put(table, before.get(table) + " -> " + rows);
            }
        });
        assertTrue(grown.isEmpty(), () -> c + ": nothing written, but: " + grown);
    }
}
