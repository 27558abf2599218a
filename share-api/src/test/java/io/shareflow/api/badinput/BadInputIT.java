package io.shareflow.api.badinput;

import static io.shareflow.testsupport.BadInput.KIB_65;
import static io.shareflow.testsupport.BadInput.billionLaughs;
import static io.shareflow.testsupport.BadInput.delete;
import static io.shareflow.testsupport.BadInput.get;
import static io.shareflow.testsupport.BadInput.jsonOfSize;
import static io.shareflow.testsupport.BadInput.nestedJson;
import static io.shareflow.testsupport.BadInput.nestedXml;
import static io.shareflow.testsupport.BadInput.patch;
import static io.shareflow.testsupport.BadInput.post;
import static io.shareflow.testsupport.BadInput.put;
import static io.shareflow.testsupport.BadInput.request;
import static io.shareflow.testsupport.BadInput.xxe;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 * — the row counts of every table, {@code outbox_event} included, are the same after the case as before, and no row of
 * the fixture's organisation or of its sharer changed (a PATCH or PUT that got through would update, not add).
 *
 * <p>Placeholders (in the path and the body): {@code {resource}} a document of the caller's organisation, {@code
 * {share}} a direct share of it, {@code {link}} a password link to it, {@code {folder}} an empty folder, {@code
 * {fullFolder}} a folder holding a document, {@code {collection}} a collection holding {@code {resource}}, {@code
 * {token}} a well-formed token of no link. New endpoints add their lines to {@link #cases()}.
 */
class BadInputIT extends ShareApiIntegrationSupport {

    private static final String RESOURCES = "/v1/resources";
    private static final String SHARE = "/v1/shares/{resource}";
    private static final String LINKS = "/v1/shares/{resource}/links";
    private static final String A_RECIPIENT = "\"recipientEmail\": \"a@example.com\"";
    private static final String A_FOLDER = "\"name\": \"Docs\", \"kind\": \"folder\"";
    private static final String A_SHARE = "/v1/shares/{share}";
    private static final String A_LINK = "/v1/shares/{link}";
    private static final String A_RESOURCE = RESOURCES + "/{resource}";
    private static final String ITEMS = RESOURCES + "/{collection}/items";
    private static final String POLICY = "/v1/sharing-policy";
    /** A body bound by setters stops at the unknown field that holds the nesting, before reading it. */
    private static final String UNKNOWN_BEFORE_NESTING = "1,000-level nested JSON (refused at its unknown field)";

    private static Fixture fixture;

    @Autowired
    DataSource dataSource;

    private record Fixture(Caller sharer, UUID resource, UUID share, UUID link, UUID folder, UUID fullFolder,
                           UUID collection) {
    }

    static Stream<Case> cases() {
        String recipients101 = IntStream.range(0, 101).mapToObj(i -> "{\"email\": \"r" + i + "@example.com\"}")
                .collect(Collectors.joining(", ", "[", "]"));
        return Stream.of(firstRound(recipients101), secondRound()).flatMap(cases -> cases);
    }

    /** The endpoints of share-api before issue #13's first round. */
    private static Stream<Case> firstRound(String recipients101) {
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

    /** The endpoints issue #13's first round added: managing shares and resources, collections, access, the policy. */
    private static Stream<Case> secondRound() {
        String domains101 = IntStream.range(0, 101).mapToObj(i -> "\"d" + i + ".example\"")
                .collect(Collectors.joining(", ", "[", "]"));
        return Stream.of(
                // PATCH /v1/shares/{shareId}
                patch(A_SHARE, "{\"rol\": \"viewer\"}", 400, "rol"),
                patch(A_SHARE, "{\"role\": \"owner\"}", 400, "role"),
                patch(A_SHARE, "{\"role\": [\"viewer\"]}", 400, "role"),
                patch(A_SHARE, "{\"expiresAt\": \"2020-01-01T00:00:00Z\"}", 400, "expiresAt"),
                patch(A_SHARE, "{\"expiresAt\": \"tomorrow\"}", 400, "expiresAt"),
                patch(A_SHARE, "{\"expiresAt\": [\"2030-01-01T00:00:00Z\"]}", 400, "expiresAt"),
                patch(A_SHARE, "{\"password\": \"correct horse battery\"}", 400, "password").named("password on a direct share"),
                patch(A_SHARE, "{\"audience\": \"anyone\"}", 400, "audience").named("audience on a direct share"),
                patch(A_LINK, "{\"audience\": \"public\"}", 400, "audience"),
                patch(A_LINK, "{\"password\": \"short\"}", 400, "password").named("too short a password on a password link"),
                patch(A_LINK, "{\"audience\": \"anyone\", \"password\": \"correct horse battery\"}", 400, "password")
                        .named("a password for audience anyone"),
                patch(A_LINK, "{\"role\": \"manager\"}", 400, "role").named("manager on a link"),
                patch(A_LINK, "{\"audience\": \"users\"}", 422, "audience").named("audience users on a link without recipients"),
                patch("/v1/shares/not-a-uuid", "{\"role\": \"viewer\"}", 400, "shareId"),
                patch(A_SHARE, "{\"role\": ", 400, null).named("truncated JSON"),
                patch(A_SHARE, jsonOfSize("role", KIB_65), 413, null).named("65 KiB"),
                patch(A_SHARE, jsonOfSize("role", KIB_65), 413, null).sentChunked(),
                patch(A_SHARE, nestedJson("{\"role\": \"viewer\"}", 1000), 400, "deep").named(UNKNOWN_BEFORE_NESTING),
                patch(A_SHARE, "<share><rol>viewer</rol></share>", 400, "rol").xml(),
                patch(A_SHARE, xxe("share", "role"), 400, null).xml().named("XXE /etc/passwd"),
                patch(A_SHARE, billionLaughs("share", "role"), 400, null).xml().named("billion laughs"),
                // DELETE /v1/shares/{shareId}, POST /v1/shares/{shareId}/notifications
                delete("/v1/shares/not-a-uuid", 400, "shareId"),
                request("DELETE", A_SHARE, jsonOfSize("reason", KIB_65), 413, null).named("a DELETE with a 65 KiB body"),
                post("/v1/shares/not-a-uuid/notifications", null, 400, "shareId"),
                post(A_SHARE + "/notifications", jsonOfSize("message", KIB_65), 413, null).named("65 KiB"),
                post(A_LINK + "/notifications", null, 422, null).named("a link without recipients"),
                // PATCH /v1/resources/{id}
                patch(A_RESOURCE, "{\"nme\": \"Docs\"}", 400, "nme"),
                patch(A_RESOURCE, "{\"name\": \" \"}", 400, "name"),
                patch(A_RESOURCE, "{\"name\": null}", 400, "name"),
                patch(A_RESOURCE, "{\"name\": \"" + "n".repeat(256) + "\"}", 400, "name"),
                patch(A_RESOURCE, "{\"name\": \"a\\u0001b\"}", 400, "name"),
                patch(A_RESOURCE, "{\"name\": [\"Docs\"]}", 400, "name"),
                patch(A_RESOURCE, "{\"parentId\": \"not-a-uuid\"}", 400, "parentId"),
                patch(A_RESOURCE, "{\"parentId\": 42}", 400, "parentId"),
                patch(A_RESOURCE, "{\"parentId\": \"" + UUID.randomUUID() + "\"}", 400, "parentId").named("a parent of no one"),
                patch(RESOURCES + "/{folder}", "{\"parentId\": \"{resource}\"}", 400, "parentId").named("a file as parent"),
                patch(A_RESOURCE, "{\"parentId\": \"{collection}\"}", 400, "parentId").named("a collection as parent"),
                patch(RESOURCES + "/{folder}", "{\"parentId\": \"{folder}\"}", 409, "parentId").named("a folder under itself"),
                patch(RESOURCES + "/not-a-uuid", "{\"name\": \"Docs\"}", 400, "id"),
                patch(A_RESOURCE, "{\"name\": ", 400, null).named("truncated JSON"),
                patch(A_RESOURCE, jsonOfSize("name", KIB_65), 413, null).named("65 KiB"),
                patch(A_RESOURCE, nestedJson("{\"name\": \"Docs\"}", 1000), 400, "deep").named(UNKNOWN_BEFORE_NESTING),
                patch(A_RESOURCE, "<resource><nme>Docs</nme></resource>", 400, "nme").xml(),
                patch(A_RESOURCE, xxe("resource", "name"), 400, null).xml().named("XXE /etc/passwd"),
                patch(A_RESOURCE, billionLaughs("resource", "name"), 400, null).xml().named("billion laughs"),
                // DELETE /v1/resources/{id}
                delete(RESOURCES + "/not-a-uuid", 400, "id"),
                delete(RESOURCES + "/12345", 400, "id"),
                delete(RESOURCES + "/{fullFolder}", 409, null).named("a folder that is not empty"),
                request("DELETE", A_RESOURCE, jsonOfSize("reason", KIB_65), 413, null).named("a DELETE with a 65 KiB body"),
                // POST /v1/resources/{collectionId}/items
                post(ITEMS, "{}", 400, "resourceId"),
                post(ITEMS, "{\"resourceId\": null}", 400, "resourceId"),
                post(ITEMS, "{\"resourceId\": \"not-a-uuid\"}", 400, "resourceId"),
                post(ITEMS, "{\"resourceId\": [\"{folder}\"]}", 400, "resourceId"),
                post(ITEMS, "{\"resourceId\": \"{folder}\", \"position\": 1}", 400, "position"),
                post(ITEMS, "{\"resourceId\": \"{collection}\"}", 422, "resourceId").named("a collection in a collection"),
                post(ITEMS, "{\"resourceId\": \"" + UUID.randomUUID() + "\"}", 422, "resourceId").named("a resource of no one"),
                post(ITEMS, "{\"resourceId\": \"{resource}\"}", 409, "resourceId").named("an item already there"),
                post(RESOURCES + "/not-a-uuid/items", "{\"resourceId\": \"{folder}\"}", 400, "collectionId"),
                post(ITEMS, jsonOfSize("resourceId", KIB_65), 413, null).named("65 KiB"),
                post(ITEMS, nestedJson("{\"resourceId\": \"{folder}\"}", 1000), 400, null).named("1,000-level nested JSON"),
                post(ITEMS, "<item><resourceId>{folder}</resourceId><position>1</position></item>", 400, "position").xml(),
                post(ITEMS, xxe("item", "resourceId"), 400, null).xml().named("XXE /etc/passwd"),
                post(ITEMS, billionLaughs("item", "resourceId"), 400, null).xml().named("billion laughs"),
                // GET/DELETE /v1/resources/{collectionId}/items/{resourceId}, GET …/items
                get(RESOURCES + "/not-a-uuid/items/{resource}", 400, "collectionId"),
                get(ITEMS + "/not-a-uuid", 400, "resourceId"),
                delete(RESOURCES + "/not-a-uuid/items/{resource}", 400, "collectionId"),
                delete(ITEMS + "/not-a-uuid", 400, "resourceId"),
                get(RESOURCES + "/not-a-uuid/items", 400, "collectionId"),
                get(ITEMS + "?page=-1", 400, "page"),
                get(ITEMS + "?page=x", 400, "page"),
                get(ITEMS + "?size=0", 400, "size"),
                get(ITEMS + "?size=101", 400, "size"),
                // GET /v1/resources/{id}/access, GET /v1/resources/{id}/permissions
                get(RESOURCES + "/not-a-uuid/access", 400, "id"),
                get(RESOURCES + "/not-a-uuid/permissions", 400, "id"),
                get(A_RESOURCE + "/permissions?page=-1", 400, "page"),
                get(A_RESOURCE + "/permissions?page=x", 400, "page"),
                get(A_RESOURCE + "/permissions?size=0", 400, "size"),
                get(A_RESOURCE + "/permissions?size=1000", 400, "size"),
                // GET /v1/shared-with-me
                get("/v1/shared-with-me?status=NOPE", 400, "status"),
                get("/v1/shared-with-me?status=active", 400, "status"),
                get("/v1/shared-with-me?page=x", 400, "page"),
                get("/v1/shared-with-me?page=-1", 400, "page"),
                get("/v1/shared-with-me?size=0", 400, "size"),
                // PUT /v1/sharing-policy
                put(POLICY, "{\"maxRole\": \"boss\"}", 400, "maxRole"),
                put(POLICY, "{\"maxRole\": \"owner\"}", 400, "maxRole"),
                put(POLICY, "{\"maxRole\": [\"viewer\"]}", 400, "maxRole"),
                put(POLICY, "{\"allowedRecipientDomains\": [\"not a domain\"]}", 400, "allowedRecipientDomains[0]"),
                put(POLICY, "{\"allowedRecipientDomains\": [\"acme.example\", \"*.acme.example\"]}", 400,
                        "allowedRecipientDomains[1]"),
                put(POLICY, "{\"allowedRecipientDomains\": [\"acme.example.\"]}", 400, "allowedRecipientDomains[0]"),
                put(POLICY, "{\"allowedRecipientDomains\": [\"a@b.example\"]}", 400, "allowedRecipientDomains[0]"),
                put(POLICY, "{\"allowedRecipientDomains\": [null]}", 400, "allowedRecipientDomains[0]"),
                put(POLICY, "{\"allowedRecipientDomains\": " + domains101 + "}", 400, "allowedRecipientDomains")
                        .named("101 domains"),
                put(POLICY, "{\"allowedRecipientDomains\": {\"acme\": 1}}", 400, "allowedRecipientDomains"),
                put(POLICY, "{\"allowedRecipientDomains\": \"not a domain\"}", 400, "allowedRecipientDomains"),
                put(POLICY, "{\"linkAudiences\": [null]}", 400, "linkAudiences[0]"),
                put(POLICY, "{\"maxExpiryDays\": 30, \"requireExpiry\": true, \"maxRole\": \"viewer\", \"note\": 1}", 400,
                        "note"),
                put(POLICY, "{\"linkAudiences\": [\"anyone\", \"public\"]}", 400, "linkAudiences[1]"),
                put(POLICY, "{\"maxExpiryDays\": 0}", 400, "maxExpiryDays"),
                put(POLICY, "{\"maxExpiryDays\": 3651}", 400, "maxExpiryDays"),
                put(POLICY, "{\"maxExpiryDays\": \"ten\"}", 400, "maxExpiryDays"),
                put(POLICY, "{\"maxExpiryDays\": 1.5}", 400, "maxExpiryDays"),
                put(POLICY, "{\"requireExpiry\": true}", 400, "maxExpiryDays").named("requireExpiry without maxExpiryDays"),
                put(POLICY, "{\"requireExpiry\": \"sometimes\"}", 400, "requireExpiry"),
                put(POLICY, "{\"maxRoles\": \"viewer\"}", 400, "maxRoles"),
                put(POLICY, "{\"maxRole\": ", 400, null).named("truncated JSON"),
                put(POLICY, "[]", 400, null).named("an array for an object"),
                put(POLICY, jsonOfSize("maxRole", KIB_65), 413, null).named("65 KiB"),
                put(POLICY, jsonOfSize("maxRole", KIB_65), 413, null).sentChunked(),
                put(POLICY, nestedJson("{\"maxRole\": \"viewer\"}", 1000), 400, null).named("1,000-level nested JSON"),
                put(POLICY, "<sharingPolicy><maxRoles>viewer</maxRoles></sharingPolicy>", 400, "maxRoles").xml(),
                put(POLICY, nestedXml("sharingPolicy", 1000), 400, null).xml().named("1,000-level nested XML"),
                put(POLICY, xxe("sharingPolicy", "maxRole"), 400, null).xml().named("XXE /etc/passwd"),
                put(POLICY, billionLaughs("sharingPolicy", "maxRole"), 400, null).xml().named("billion laughs"),
                // GET /v1/sharing-policy, GET /v1/sharing-policy/history
                request("GET", POLICY, jsonOfSize("q", KIB_65), 413, null).named("a GET with a 65 KiB body"),
                get(POLICY + "/history?size=1000", 400, "size"),
                get(POLICY + "/history?size=0", 400, "size"),
                get(POLICY + "/history?page=-1", 400, "page"),
                get(POLICY + "/history?page=x", 400, "page"));
    }

    @BeforeEach
    void fixture() {
        synchronized (BadInputIT.class) {
            if (fixture == null) {
                // A sharer who may also change the sharing policy: a PUT that got past the checks would write.
                Caller sharer = Caller.of(UUID.randomUUID(), "producer-user", "producer-admin");
                UUID resource = createDocument(sharer);
                Response shared = api.post("/v1/shares/" + resource, sharer.token(), Map.of("recipientEmail", "fixture@example.com"));
                UUID share = UUID.fromString(shared.data().get("shares").get(0).get("shareId").asString());
                Response linked = api.post("/v1/shares/" + resource + "/links", sharer.token(),
                        Map.of("audience", "password", "password", "correct horse battery"));
                UUID link = UUID.fromString(linked.data().get("shareId").asString());
                UUID folder = createResource(sharer, "folder", null, null, null);
                UUID fullFolder = createResource(sharer, "folder", null, null, null);
                createResource(sharer, "file", "asset-document", null, fullFolder);
                UUID collection = createResource(sharer, "collection", null, null, null);
                Response added = api.post("/v1/resources/" + collection + "/items", sharer.token(),
                        Map.of("resourceId", resource.toString()));
                if (linked.status() != 201 || added.status() != 201) {
                    throw new IllegalStateException("Could not set up the fixture: " + linked + ", " + added);
                }
                fixture = new Fixture(sharer, resource, share, link, folder, fullFolder, collection);
            }
        }
    }

    /** The rows of the fixture's organisation and of its sharer (the rate window): a PATCH or PUT updates, not adds. */
    private Map<String, Set<String>> fixtureRows() {
        Map<String, Set<String>> rows = new TreeMap<>(BadInput.rowsWhere(dataSource, "organization_id",
                fixture.sharer().organizationId()));
        rows.putAll(BadInput.rowsWhere(dataSource, "user_id", fixture.sharer().userId()));
        if (rows.getOrDefault("resource.organization_id", Set.of()).size() != 5
                || rows.getOrDefault("share.organization_id", Set.of()).size() != 2) {
            throw new IllegalStateException("The fixture's rows are not all seen: " + rows.keySet());
        }
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedAndWritesNothing(Case bad) {
        Case c = bad.resolve(path -> path.replace("{resource}", fixture.resource().toString())
                .replace("{share}", fixture.share().toString())
                .replace("{link}", fixture.link().toString())
                .replace("{fullFolder}", fixture.fullFolder().toString())
                .replace("{folder}", fixture.folder().toString())
                .replace("{collection}", fixture.collection().toString())
                .replace("{token}", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
        Map<String, Long> before = BadInput.stableRowCounts(dataSource);
        Map<String, Set<String>> fixtureRows = fixtureRows();

        Response response = api.send(c.method(), c.path(), fixture.sharer().token(), c.requestBody(), c.headers());

        BadInput.assertAnswer(c, response);
        BadInput.assertNothingWritten(c, before, BadInput.rowCounts(dataSource));
        BadInput.assertNothingChanged(c, fixtureRows, fixtureRows());
    }
}
