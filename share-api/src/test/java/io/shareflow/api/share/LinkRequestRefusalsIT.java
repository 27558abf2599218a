package io.shareflow.api.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.shareflow.api.ShareApiIntegrationSupport;
import io.shareflow.api.support.Caller;
import io.shareflow.testsupport.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad input of {@code POST /v1/shares/{resourceId}/links}, sent as raw JSON: each is a 400 {@code BadRequest}
 * naming its field, never a 5xx, and writes nothing (no share, no outbox row).
 */
class LinkRequestRefusalsIT extends ShareApiIntegrationSupport {

    private final Caller sharer = Caller.sharer();

    static Stream<Arguments> badRequests() {
        String recipients101 = IntStream.range(0, 101).mapToObj(i -> "{\"email\": \"r" + i + "@example.com\"}")
                .collect(Collectors.joining(", ", "[", "]"));
        return Stream.of(
                // audience
                bad("no audience", "{}", "audience"),
                bad("unknown audience", "{\"audience\": \"public\"}", "audience"),
                bad("audience in capitals", "{\"audience\": \"ANYONE\"}", "audience"),
                bad("audience of the wrong type", "{\"audience\": [\"anyone\"]}", "audience"),
                bad("audience blank", "{\"audience\": \"\"}", "audience"),
                // role
                bad("unknown role", "{\"audience\": \"anyone\", \"role\": \"owner\"}", "role"),
                bad("a role no link grants", "{\"audience\": \"anyone\", \"role\": \"manager\"}", "role"),
                bad("contributor", "{\"audience\": \"anyone\", \"role\": \"contributor\"}", "role"),
                bad("role of the wrong type", "{\"audience\": \"anyone\", \"role\": {\"name\": \"viewer\"}}", "role"),
                // password
                bad("password link without password", "{\"audience\": \"password\"}", "password"),
                bad("password for another audience", "{\"audience\": \"anyone\", \"password\": \"long enough pw\"}",
                        "password"),
                bad("password for audience users", "{\"audience\": \"users\", \"password\": \"long enough pw\","
                        + " \"recipients\": [{\"email\": \"a@example.com\"}]}", "password"),
                bad("short password", "{\"audience\": \"password\", \"password\": \"1234567\"}", "password"),
                bad("blank password", "{\"audience\": \"password\", \"password\": \"         \"}", "password"),
                bad("73-byte password", "{\"audience\": \"password\", \"password\": \"" + "x".repeat(73) + "\"}",
                        "password"),
                bad("25 characters but 75 bytes", "{\"audience\": \"password\", \"password\": \"" + "€".repeat(25)
                        + "\"}", "password"),
                bad("password of the wrong type", "{\"audience\": \"password\", \"password\": [\"12345678\"]}",
                        "password"),
                // expiry
                bad("durationHours and expiresAt", "{\"audience\": \"anyone\", \"durationHours\": 24,"
                        + " \"expiresAt\": \"2099-01-31T00:00:00Z\"}", "durationHours"),
                bad("durationHours 0", "{\"audience\": \"anyone\", \"durationHours\": 0}", "durationHours"),
                bad("durationHours 8761", "{\"audience\": \"anyone\", \"durationHours\": 8761}", "durationHours"),
                bad("durationHours negative", "{\"audience\": \"anyone\", \"durationHours\": -1}", "durationHours"),
                bad("durationHours not a number", "{\"audience\": \"anyone\", \"durationHours\": \"a day\"}",
                        "durationHours"),
                bad("past expiry", "{\"audience\": \"anyone\", \"expiresAt\": \"2020-01-01T00:00:00Z\"}", "expiresAt"),
                bad("expiry not a date-time", "{\"audience\": \"anyone\", \"expiresAt\": \"soon\"}", "expiresAt"),
                bad("expiry without offset", "{\"audience\": \"anyone\", \"expiresAt\": \"2099-01-31T00:00:00\"}",
                        "expiresAt"),
                // recipients
                bad("users without recipients", "{\"audience\": \"users\"}", "recipients"),
                bad("users with no recipients", "{\"audience\": \"users\", \"recipients\": []}", "recipients"),
                bad("more than 100 recipients", "{\"audience\": \"anyone\", \"recipients\": " + recipients101 + "}",
                        "recipients"),
                bad("recipients not a list", "{\"audience\": \"anyone\", \"recipients\": \"a@example.com\"}",
                        "recipients"),
                bad("bad e-mail", "{\"audience\": \"anyone\", \"recipients\": [{\"email\": \"ok@example.com\"},"
                        + " {\"email\": \"nope\"}]}", "recipients[1].email"),
                bad("header injection in an address", "{\"audience\": \"anyone\", \"recipients\":"
                        + " [{\"email\": \"a@example.com\\r\\nBcc: x@example.com\"}]}", "recipients[0].email"),
                bad("empty recipient", "{\"audience\": \"users\", \"recipients\": [{}]}", "recipients[0]"),
                bad("email and userId", "{\"audience\": \"users\", \"recipients\": [{\"email\": \"a@example.com\","
                        + " \"userId\": \"" + UUID.randomUUID() + "\"}]}", "recipients[0]"),
                bad("userId not a UUID", "{\"audience\": \"users\", \"recipients\": [{\"userId\": \"x\"}]}",
                        "recipients[0].userId"),
                // texts, notify
                bad("name too long", "{\"audience\": \"anyone\", \"name\": \"" + "n".repeat(256) + "\"}", "name"),
                bad("name with a line break", "{\"audience\": \"anyone\", \"name\": \"a\\nb\"}", "name"),
                bad("subject with CRLF", "{\"audience\": \"anyone\", \"subject\": \"Hi\\r\\nBcc: x@example.com\"}",
                        "subject"),
                bad("message too long", "{\"audience\": \"anyone\", \"message\": \"" + "m".repeat(2001) + "\"}",
                        "message"),
                bad("notify not a boolean", "{\"audience\": \"anyone\", \"notify\": \"maybe\"}", "notify"));
    }

    @ParameterizedTest(name = "{0} -> 400 {2}")
    @MethodSource("badRequests")
    void isRefusedNamingTheFieldAndWritesNothing(String description, String body, String field) {
        UUID resource = createDocument(sharer);
        long shares = count("select count(*) from share");
        long outbox = count("select count(*) from outbox_event");

        HttpTestClient.Response response = api.post("/v1/shares/" + resource + "/links", sharer.token(), body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.error().get("errorCode").asString()).isEqualTo("BadRequest");
        assertThat(response.error().get("extension").get("field").asString()).as(response.toString()).isEqualTo(field);
        assertThat(count("select count(*) from share")).isEqualTo(shares);
        assertThat(count("select count(*) from outbox_event")).isEqualTo(outbox);
    }

    @Test
    void aBadPathIdOrABodyThatIsNoJsonIsABadRequest() {
        HttpTestClient.Response path = api.post("/v1/shares/not-a-uuid/links", sharer.token(), "{\"audience\": \"anyone\"}");
        assertThat(path.status()).isEqualTo(400);
        assertThat(path.error().get("extension").get("field").asString()).isEqualTo("resourceId");

        UUID resource = createDocument(sharer);
        HttpTestClient.Response malformed = api.post("/v1/shares/" + resource + "/links", sharer.token(),
                "{\"audience\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.error().get("errorCode").asString()).isEqualTo("BadRequest");
        HttpTestClient.Response empty = api.send("POST", "/v1/shares/" + resource + "/links", sharer.token(), null,
                Map.of("Content-Type", "application/json"));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(count("select count(*) from share where resource_id = ?", resource)).isZero();
    }

    @Test
    void aDirectSharesRequireSignInMustBeABoolean() {
        UUID resource = createDocument(sharer);

        HttpTestClient.Response requireSignIn = api.post("/v1/shares/" + resource, sharer.token(),
                "{\"recipientEmail\": \"a@example.com\", \"requireSignIn\": \"yes\"}");

        assertThat(requireSignIn.status()).as(requireSignIn.toString()).isEqualTo(400);
        assertThat(requireSignIn.error().get("extension").get("field").asString()).isEqualTo("requireSignIn");
        assertThat(count("select count(*) from share where resource_id = ?", resource)).isZero();
    }

    private static Arguments bad(String description, String body, String field) {
        return Arguments.of(description, body, field);
    }
}
