package io.shareflow.api.badinput;

import static io.shareflow.testsupport.BadInput.KIB_65;
import static io.shareflow.testsupport.BadInput.billionLaughs;
import static io.shareflow.testsupport.BadInput.get;
import static io.shareflow.testsupport.BadInput.jsonOfSize;
import static io.shareflow.testsupport.BadInput.nestedJson;
import static io.shareflow.testsupport.BadInput.nestedXml;
import static io.shareflow.testsupport.BadInput.post;
import static io.shareflow.testsupport.BadInput.request;
import static io.shareflow.testsupport.BadInput.xxe;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.shareflow.api.ShareApiIntegrationSupport;
import io.shareflow.api.support.Caller;
import io.shareflow.testsupport.BadInput;
import io.shareflow.testsupport.BadInput.Case;
import io.shareflow.testsupport.HttpTestClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every endpoint of share-api with bad input, one line per case: the documented status and errorCode, the field named
 * in {@code extension.field} (the JSON path, the query parameter, the path variable), never a 5xx, and nothing written
 * — the row counts of every table, {@code outbox_event} included, are the same after the case as before.
 *
 * <p>Placeholders: {@code {resource}} a document of the caller's organisation, {@code {share}} a share of it,
 * {@code {token}} a well-formed token of no link. New endpoints add their lines to {@link #cases()}.
 */
class BadInputIT extends ShareApiIntegrationSupport {

    private static final String RESOURCES = "/v1/resources";
    private static final String SHARE = "/v1/shares/{resource}";
    private static final String LINKS = "/v1/shares/{resource}/links";
    private static final String A_RECIPIENT = "\"recipientEmail\": \"a@example.com\"";
    private static final String A_FOLDER = "\"name\": \"Docs\", \"kind\": \"folder\"";

    private static Fixture fixture;

    @Autowired
    DataSource dataSource;

    private record Fixture(Caller sharer, UUID resource, UUID share) {
    }

    static Stream<Case> cases() {
        String recipients101 = IntStream.range(0, 101).mapToObj(i -> "{\"email\": \"r" + i + "@example.com\"}")
                .collect(Collectors.joining(", ", "[", "]"));
        return Stream.of(
                // POST /v1/resources
                post(RESOURCES, "{" + A_FOLDER + ", \"notfy\": true}", 400, "notfy"),
                post(RESOURCES, "{\"kind\": \"folder\"}", 400, "name"),
                post(RESOURCES, "{\"name\": \" \", \"kind\": \"folder\"}", 400, "name"),
                post(RESOURCES, "{\"name\": \"" + "n".repeat(256) + "\", \"kind\": \"folder\"}", 400, "name"),
                post(RESOURCES, "{\"name\": \"a\\u0001b\", \"kind\": \"folder\"}", 400, "name"),
                post(RESOURCES, "{\"name\": \"Docs\"}", 400, "kind"),
                post(RESOURCES, "{\"name\": \"Docs\", \"kind\": \"drive\"}", 400, "kind"),
                post(RESOURCES, "{\"name\": \"Docs\", \"kind\": 5}", 400, "kind"),
                post(RESOURCES, "{\"name\": \"a.pdf\", \"kind\": \"file\", \"documentType\": \"secret\"}", 400, "documentType"),
                post(RESOURCES, "{" + A_FOLDER + ", \"assetId\": \"not-a-uuid\"}", 400, "assetId"),
                post(RESOURCES, "{" + A_FOLDER + ", \"parentId\": \"not-a-uuid\"}", 400, "parentId"),
                post(RESOURCES, "{" + A_FOLDER + ", \"parentId\": 42}", 400, "parentId"),
                post(RESOURCES, "{\"name\": \"Docs\", \"kind\": \"folder\"", 400, null).named("truncated JSON"),
                post(RESOURCES, "[]", 400, null).named("an array for an object"),
                post(RESOURCES, "", 400, null).named("no body"),
                post(RESOURCES, "Docs", 415, null).header("Content-Type", "text/plain").named("text/plain"),
                post(RESOURCES, jsonOfSize("name", KIB_65), 413, null).named("65 KiB"),
                post(RESOURCES, jsonOfSize("name", KIB_65), 413, null).sentChunked(),
                post(RESOURCES, nestedJson("{" + A_FOLDER + "}", 1000), 400, null).named("1,000-level nested JSON"),
                post(RESOURCES, "<resource><name>Docs</name><kind>folder</kind><notfy>1</notfy></resource>", 400, "notfy").xml(),
                post(RESOURCES, nestedXml("resource", 1000), 400, null).xml().named("1,000-level nested XML"),
                post(RESOURCES, xxe("resource", "name"), 400, null).xml().named("XXE /etc/passwd"),
                post(RESOURCES, billionLaughs("resource", "name"), 400, null).xml().named("billion laughs"),
                // GET /v1/resources/{id}, GET /v1/resources
                get(RESOURCES + "/not-a-uuid", 400, "id"),
                get(RESOURCES + "/12345", 400, "id"),
                get(RESOURCES + "?parentId=nope", 400, "parentId"),
                get(RESOURCES + "?page=-1", 400, "page"),
                get(RESOURCES + "?page=first", 400, "page"),
                get(RESOURCES + "?size=0", 400, "size"),
                get(RESOURCES + "?size=101", 400, "size"),
                get(RESOURCES + "?size=ten", 400, "size"),
                // POST /v1/shares/{resourceId}
                post("/v1/shares/not-a-uuid", "{" + A_RECIPIENT + "}", 400, "resourceId"),
                post(SHARE, "{" + A_RECIPIENT + ", \"notfy\": false}", 400, "notfy"),
                post(SHARE, "{\"recipients\": [{\"email\": \"a@example.com\", \"notfy\": false}]}", 400, "recipients[0].notfy"),
                post(SHARE, "{\"recipientEmail\": \"not-an-address\"}", 400, "recipientEmail"),
                post(SHARE, "{\"recipients\": [{\"email\": \"a@example.com\"}, {\"email\": \"nope\"}]}", 400, "recipients[1].email"),
                post(SHARE, "{\"recipients\": [{\"userId\": \"not-a-uuid\"}]}", 400, "recipients[0].userId"),
                post(SHARE, "{\"recipients\": \"a@example.com\"}", 400, "recipients"),
                post(SHARE, "{\"recipients\": " + recipients101 + "}", 400, "recipients").named("101 recipients"),
                post(SHARE, "{" + A_RECIPIENT + ", \"role\": \"owner\"}", 400, "role"),
                post(SHARE, "{" + A_RECIPIENT + ", \"role\": [\"viewer\"]}", 400, "role"),
                post(SHARE, "{" + A_RECIPIENT + ", \"expiresAt\": \"2020-01-01T00:00:00Z\"}", 400, "expiresAt"),
                post(SHARE, "{" + A_RECIPIENT + ", \"expiresAt\": \"tomorrow\"}", 400, "expiresAt"),
                post(SHARE, "{" + A_RECIPIENT + ", \"notify\": \"yes\"}", 400, "notify"),
                post(SHARE, "{" + A_RECIPIENT + ", \"requireSignIn\": \"sometimes\"}", 400, "requireSignIn"),
                post(SHARE, "{" + A_RECIPIENT + ", \"subject\": \"" + "s".repeat(201) + "\"}", 400, "subject"),
                post(SHARE, "{" + A_RECIPIENT + ", \"subject\": \"two\\nlines\"}", 400, "subject"),
                post(SHARE, "{" + A_RECIPIENT + ", \"message\": \"" + "m".repeat(2001) + "\"}", 400, "message"),
                post(SHARE, "{" + A_RECIPIENT + ", \"assetId\": \"A320\"}", 400, "assetId"),
                post(SHARE, "{" + A_RECIPIENT + "}", 400, "Idempotency-Key")
                        .header("Idempotency-Key", "k".repeat(256)).named("Idempotency-Key of 256 characters"),
                post(SHARE, "{\"recipientEmail\": ", 400, null).named("truncated JSON"),
                post(SHARE, jsonOfSize("message", KIB_65), 413, null).named("65 KiB"),
                post(SHARE, jsonOfSize("message", KIB_65), 413, null).sentChunked(),
                post(SHARE, nestedJson("{" + A_RECIPIENT + "}", 1000), 400, null).named("1,000-level nested JSON"),
                post(SHARE, "<share><recipientEmail>a@example.com</recipientEmail><notfy>false</notfy></share>", 400, "notfy").xml(),
                post(SHARE, "<share><recipients><email>a@example.com</email><notfy>1</notfy></recipients></share>", 400,
                        "recipients[0].notfy").xml(),
                post(SHARE, "<share><recipientEmail>a@example.com</recipientEmail><role>owner</role></share>", 400, "role").xml(),
                post(SHARE, nestedXml("share", 1000), 400, null).xml().named("1,000-level nested XML"),
                post(SHARE, xxe("share", "recipientEmail"), 400, null).xml().named("XXE /etc/passwd"),
                post(SHARE, billionLaughs("share", "message"), 400, null).xml().named("billion laughs"),
                // POST /v1/shares/{resourceId}/links
                post("/v1/shares/not-a-uuid/links", "{\"audience\": \"anyone\"}", 400, "resourceId"),
                post(LINKS, "{\"audience\": \"anyone\", \"notfy\": false}", 400, "notfy"),
                post(LINKS, "{\"audience\": \"public\"}", 400, "audience"),
                post(LINKS, "{}", 400, "audience"),
                post(LINKS, "{\"audience\": \"anyone\", \"role\": \"owner\"}", 400, "role"),
                post(LINKS, "{\"audience\": \"anyone\", \"durationHours\": 0}", 400, "durationHours"),
                post(LINKS, "{\"audience\": \"anyone\", \"durationHours\": \"a day\"}", 400, "durationHours"),
                post(LINKS, "{\"audience\": \"anyone\", \"expiresAt\": \"2020-01-01T00:00:00Z\"}", 400, "expiresAt"),
                post(LINKS, "{\"audience\": \"password\", \"password\": \"short\"}", 400, "password"),
                post(LINKS, "{\"audience\": \"anyone\", \"recipients\": [{\"email\": \"nope\"}]}", 400, "recipients[0].email"),
                post(LINKS, "{\"audience\": \"anyone\", \"recipients\": [{\"email\": \"a@example.com\", \"notfy\": 1}]}", 400,
                        "recipients[0].notfy"),
                post(LINKS, jsonOfSize("name", KIB_65), 413, null).named("65 KiB"),
                post(LINKS, jsonOfSize("name", KIB_65), 413, null).sentChunked(),
                post(LINKS, nestedJson("{\"audience\": \"anyone\"}", 1000), 400, null).named("1,000-level nested JSON"),
                post(LINKS, "<link><audience>anyone</audience><notfy>1</notfy></link>", 400, "notfy").xml(),
                post(LINKS, xxe("link", "name"), 400, null).xml().named("XXE /etc/passwd"),
                post(LINKS, billionLaughs("link", "name"), 400, null).xml().named("billion laughs"),
                // GET /v1/shares/{shareId}, GET /v1/shares
                get("/v1/shares/not-a-uuid", 400, "shareId"),
                get("/v1/shares?resourceId=nope", 400, "resourceId"),
                get("/v1/shares?status=active", 400, "status"),
                get("/v1/shares?status=DELETED", 400, "status"),
                get("/v1/shares?type=folder", 400, "type"),
                get("/v1/shares?page=-1", 400, "page"),
                get("/v1/shares?page=1.5", 400, "page"),
                get("/v1/shares?size=0", 400, "size"),
                get("/v1/shares?size=1000", 400, "size"),
                request("GET", "/v1/shares", jsonOfSize("q", KIB_65), 413, null).named("a GET with a 65 KiB body"),
                // GET /v1/shares/{shareId}/activity
                get("/v1/shares/not-a-uuid/activity", 400, "shareId"),
                get("/v1/shares/{share}/activity?page=-1", 400, "page"),
                get("/v1/shares/{share}/activity?size=101", 400, "size"),
                // GET /v1/links/{token}, /s/{token}
                get("/v1/links/short", 400, "token"),
                get("/v1/links/{token}", 400, "X-Share-Password").header("X-Share-Password", "p".repeat(1025)),
                post("/s/{token}", "password=" + "p".repeat(KIB_65), 413, null)
                        .header("Content-Type", "application/x-www-form-urlencoded").named("65 KiB form"));
    }

    @BeforeEach
    void fixture() {
        synchronized (BadInputIT.class) {
            if (fixture == null) {
                Caller sharer = Caller.sharer();
                UUID resource = createDocument(sharer);
                Response shared = api.post("/v1/shares/" + resource, sharer.token(), Map.of("recipientEmail", "fixture@example.com"));
                fixture = new Fixture(sharer, resource, UUID.fromString(shared.data().get("shares").get(0).get("shareId").asString()));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedAndWritesNothing(Case bad) {
        Case c = bad.resolve(path -> path.replace("{resource}", fixture.resource().toString())
                .replace("{share}", fixture.share().toString())
                .replace("{token}", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
        Map<String, Long> before = BadInput.stableRowCounts(dataSource);

        Response response = api.send(c.method(), c.path(), fixture.sharer().token(), c.requestBody(), c.headers());

        BadInput.assertAnswer(c, response);
        BadInput.assertNothingWritten(c, before, BadInput.rowCounts(dataSource));
    }
}
