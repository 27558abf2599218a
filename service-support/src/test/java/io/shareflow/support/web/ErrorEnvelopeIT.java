package io.shareflow.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.shareflow.support.testapp.TestApplication;
import io.shareflow.support.testapp.Tokens;
import io.shareflow.testsupport.HttpTestClient;
import io.shareflow.testsupport.HttpTestClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every kind of error a client can cause or meet, over real HTTP, as the envelope of DESIGN.md. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ErrorEnvelopeIT {

    private static final String SHARES = "/v1/shares/3c0a6f8e-58f1-4a52-9a55-0f6b1f2b9d11";
    /** A client that states no preference (any media type), which Spring treats like a missing Accept header. */
    private static final Map<String, String> NO_PREFERENCE = Map.of("Accept", "*/*");
    private static final JsonMapper JSON = JsonMapper.shared();

    @LocalServerPort
    int port;

    HttpTestClient http;
    String token;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient(port);
        token = Tokens.withRoles("producer-user");
    }

    @Test
    void malformedJsonIs400WithThePosition() {
        Response response = http.post(SHARES, token, "{\n  \"name\": \"x\",\n  \"role\" \"viewer\"\n}");

        assertThat(response.status()).isEqualTo(400);
        JsonNode error = response.onlyError();
        assertThat(error.get("errorCode").asString()).isEqualTo("BadRequest");
        assertThat(error.get("message").asString()).startsWith("Malformed JSON at line 3, column 10");
        assertThat(error.get("extension").isObject()).isTrue();
        assertNoInternals(response);
    }

    @Test
    void missingFieldNamesTheField() {
        Response response = http.post(SHARES, token, "{\"role\": \"viewer\"}");

        assertThat(response.status()).isEqualTo(400);
        JsonNode error = response.onlyError();
        assertThat(error.get("errorCode").asString()).isEqualTo("BadRequest");
        assertThat(error.at("/extension/field").asString()).isEqualTo("name");
        assertThat(error.get("message").asString()).isEqualTo("name: must not be blank");
    }

    @Test
    void nestedInvalidFieldIsNamedByItsPath() {
        Response response = http.post(SHARES, token,
                "{\"name\": \"x\", \"recipients\": [{\"email\": \"a@example.com\"}, {\"email\": \"nope\"}]}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.onlyError().at("/extension/field").asString()).isEqualTo("recipients[1].email");
    }

    @Test
    void everyViolationIsReportedSortedByField() {
        Response response = http.post(SHARES, token,
                "{\"name\": \" \", \"subject\": \"much too long a subject\", \"recipients\": [{\"email\": \"nope\"}]}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").valueStream().map(e -> e.at("/extension/field").asString()))
                .containsExactly("name", "recipients[0].email", "subject");
    }

    @Test
    void unknownEnumValueNamesTheJsonPath() {
        Response response = http.post(SHARES, token, "{\"name\": \"x\", \"role\": \"owner\"}");

        assertThat(response.status()).isEqualTo(400);
        JsonNode error = response.onlyError();
        assertThat(error.at("/extension/field").asString()).isEqualTo("role");
        assertThat(error.get("message").asString())
                .isEqualTo("Invalid value for role at line 1, column 23: expected one of the allowed values.");
        assertNoInternals(response);
    }

    @Test
    void wrongTypeInsideAListNamesTheJsonPath() {
        Response response = http.post(SHARES, token,
                "{\"name\": \"x\", \"recipients\": [{\"email\": \"a@example.com\"}, {\"userId\": \"not-a-uuid\"}]}");

        assertThat(response.status()).isEqualTo(400);
        JsonNode error = response.onlyError();
        assertThat(error.at("/extension/field").asString()).isEqualTo("recipients[1].userId");
        assertThat(error.get("message").asString()).contains("expected a UUID");
        assertNoInternals(response);
    }

    @Test
    void badDateNamesTheField() {
        Response response = http.post(SHARES, token, "{\"name\": \"x\", \"expiresAt\": \"tomorrow\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.onlyError().at("/extension/field").asString()).isEqualTo("expiresAt");
        assertThat(response.onlyError().get("message").asString()).contains("ISO-8601");
    }

    @Test
    void missingBodyIs400() {
        Response response = http.post(SHARES, token, null, Map.of("Content-Type", "application/json"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.onlyError().get("message").asString()).isEqualTo("A request body is required.");
        assertNoInternals(response);
    }

    @Test
    void pathIdThatIsNotAUuidNamesTheVariable() {
        Response response = http.get("/v1/shares/not-a-uuid", token);

        assertThat(response.status()).isEqualTo(400);
        JsonNode error = response.onlyError();
        assertThat(error.get("errorCode").asString()).isEqualTo("BadRequest");
        assertThat(error.at("/extension/field").asString()).isEqualTo("shareId");
        assertThat(error.get("message").asString()).isEqualTo("Invalid value for shareId: expected a UUID.");
    }

    @Test
    void constraintOnAQueryParameterNamesIt() {
        Response response = http.get("/v1/shares?size=500", token);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.onlyError().at("/extension/field").asString()).isEqualTo("size");
        assertThat(response.onlyError().get("message").asString()).isEqualTo("size: must be less than or equal to 100");
    }

    @Test
    void missingHeaderIsNamed() {
        Response response = http.get("/v1/links/abc", token);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.onlyError().at("/extension/header").asString()).isEqualTo("X-Share-Password");
        assertThat(response.onlyError().get("message").asString()).contains("X-Share-Password");
    }

    @Test
    void missingQueryParameterIsNamed() {
        Response response = http.get("/v1/users", token);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.onlyError().at("/extension/field").asString()).isEqualTo("email");
    }

    @Test
    void constraintViolationExceptionNamesThePropertyPath() {
        Response response = http.get("/v1/violations", token);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.onlyError().at("/extension/field").asString()).isEqualTo("recipients[1].email");
    }

    @Test
    void unknownPathIs404EvenThoughStaticResourcesAreMapped() {
        Response response = http.send("GET", "/v1/nothing-here", token, null, NO_PREFERENCE);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.onlyError().get("errorCode").asString()).isEqualTo("NotFound");
        assertThat(response.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void wrongMethodIs405WithAllow() {
        Response response = http.send("PUT", SHARES, token, "{}");

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.onlyError().get("errorCode").asString()).isEqualTo("MethodNotAllowed");
        assertThat(response.header("Allow")).contains("GET").contains("DELETE");
    }

    @Test
    void unsupportedContentTypeIs415() {
        Response response = http.post(SHARES, token, "hello".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "text/plain"));

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.onlyError().get("errorCode").asString()).isEqualTo("UnsupportedMediaType");
        assertThat(response.onlyError().get("message").asString()).contains("text/plain").contains("application/json");
    }

    @Test
    void unacceptableAcceptIs406InJson() {
        Response response = http.send("GET", "/v1/only-json", token, null, Map.of("Accept", "text/csv"));

        assertThat(response.status()).isEqualTo(406);
        assertThat(response.onlyError().get("errorCode").asString()).isEqualTo("NotAcceptable");
    }

    @Test
    void tooLargeUploadIs413() {
        String boundary = "b0undary";
        String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + "x".repeat(4096) + "\r\n--" + boundary + "--\r\n";
        Response response = http.post("/v1/uploads", token, part.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "multipart/form-data; boundary=" + boundary));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.onlyError().get("errorCode").asString()).isEqualTo("PayloadTooLarge");
    }

    @Test
    void duplicateKeyIs409WithoutSql() {
        Response response = http.get("/v1/duplicate", token);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.onlyError().get("errorCode").asString()).isEqualTo("Conflict");
        assertThat(response.body()).doesNotContain("users_email_key").doesNotContain("duplicate key");
    }

    @Test
    void apiExceptionKeepsItsExtension() {
        Response response = http.get("/v1/unprocessable", token);

        assertThat(response.status()).isEqualTo(422);
        JsonNode error = response.onlyError();
        assertThat(error.get("errorCode").asString()).isEqualTo("UnprocessableEntity");
        assertThat(error.get("message").asString()).isEqualTo("Operation not allowed for this entity type.");
        assertThat(error.at("/extension/entityType").asString()).isEqualTo("Document");
    }

    @Test
    void domainInvalidRequestIs400NamingTheField() {
        Response response = http.get("/v1/refusals/invalid", token);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        JsonNode error = response.onlyError();
        assertThat(error.get("errorCode").asString()).isEqualTo("BadRequest");
        assertThat(error.get("message").asString())
                .isEqualTo("Invalid value for recipients[1].userId: not a user of your organisation.");
        assertThat(error.get("extension")).isEqualTo(JSON.readTree("{\"field\": \"recipients[1].userId\"}"));
        assertNoInternals(response);
    }

    @Test
    void domainRefusedRequestIs422WithItsDetailsAsTheExtension() {
        Response response = http.get("/v1/refusals/refused", token);

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        JsonNode error = response.onlyError();
        assertThat(error.get("errorCode").asString()).isEqualTo("UnprocessableEntity");
        assertThat(error.get("message").asString()).isEqualTo("Operation not allowed for this entity type.");
        assertThat(error.get("extension"))
                .isEqualTo(JSON.readTree("{\"entityType\": \"Document\", \"maxRecipients\": 100}"));
        assertNoInternals(response);
    }

    @Test
    void domainNotFoundIs404() {
        Response response = http.get("/v1/refusals/not-found", token);

        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        JsonNode error = response.onlyError();
        assertThat(error.get("errorCode").asString()).isEqualTo("NotFound");
        assertThat(error.get("message").asString()).isEqualTo("No such share.");
        assertThat(error.get("extension")).isEqualTo(JSON.readTree("{}"));
        assertNoInternals(response);
    }

    @Test
    void domainConflictIs409NamingTheFieldWhenItHasOne() {
        Response withField = http.get("/v1/refusals/conflict", token);

        assertThat(withField.status()).as(withField.toString()).isEqualTo(409);
        assertThat(withField.onlyError().get("errorCode").asString()).isEqualTo("Conflict");
        assertThat(withField.onlyError().get("message").asString()).isEqualTo("This e-mail address is already taken.");
        assertThat(withField.onlyError().get("extension")).isEqualTo(JSON.readTree("{\"field\": \"email\"}"));
        assertNoInternals(withField);

        Response withoutField = http.get("/v1/refusals/conflict-without-field", token);

        assertThat(withoutField.status()).as(withoutField.toString()).isEqualTo(409);
        assertThat(withoutField.onlyError().get("errorCode").asString()).isEqualTo("Conflict");
        assertThat(withoutField.onlyError().get("message").asString())
                .isEqualTo("This Idempotency-Key was used for another request.");
        assertThat(withoutField.onlyError().get("extension")).isEqualTo(JSON.readTree("{}"));
        assertNoInternals(withoutField);
    }

    @Test
    void domainGoneIs410() {
        Response response = http.get("/v1/refusals/gone", token);

        assertThat(response.status()).as(response.toString()).isEqualTo(410);
        assertThat(response.onlyError().get("errorCode").asString()).isEqualTo("Gone");
        assertThat(response.onlyError().get("message").asString()).isEqualTo("This registration link has expired.");
        assertThat(response.onlyError().get("extension")).isEqualTo(JSON.readTree("{}"));
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertNoInternals(response);
    }

    @Test
    void unexpectedExceptionIs500WithTraceIdAndNoInternals() {
        Response response = http.get("/v1/boom", token);

        assertThat(response.status()).isEqualTo(500);
        JsonNode error = response.onlyError();
        assertThat(error.get("errorCode").asString()).isEqualTo("InternalServerError");
        String traceId = error.at("/extension/traceId").asString();
        assertThat(traceId).isNotBlank();
        assertThat(error.get("message").asString()).contains(traceId);
        assertNoInternals(response);
        assertThat(response.body()).doesNotContain("secret").doesNotContain("select");
    }

    @Test
    void exceptionInAFilterGetsTheEnvelopeToo() {
        Response response = http.get("/filter/boom", token);

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.onlyError().get("errorCode").asString()).isEqualTo("InternalServerError");
        assertThat(response.onlyError().at("/extension/traceId").asString()).isNotBlank();
        assertNoInternals(response);
        assertThat(response.body()).doesNotContain("secret-host");
    }

    @Test
    void apiExceptionInAFilterKeepsItsStatusAndMessage() {
        Response response = http.get("/filter/limited", token);

        assertThat(response.status()).isEqualTo(429);
        assertThat(response.onlyError().get("errorCode").asString()).isEqualTo("TooManyRequests");
        assertThat(response.onlyError().get("message").asString()).isEqualTo("Too many wrong passwords for this link.");
    }

    @Test
    void sendErrorOutsideMvcGetsTheEnvelope() {
        Response response = http.get("/filter/unavailable", token);

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.onlyError().get("errorCode").asString()).isEqualTo("ServiceUnavailable");
    }

    @Test
    void aDatabaseThatCannotBeReachedIs503WithRetryAfterAndOneWarnLine(CapturedOutput output) {
        Response response = http.get("/v1/database-down", token);

        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        JsonNode error = response.onlyError();
        assertThat(error.get("errorCode").asString()).isEqualTo("ServiceUnavailable");
        assertThat(error.get("message").asString()).isEqualTo("The database is unavailable; try again shortly.");
        assertThat(error.get("extension")).isEqualTo(JSON.readTree("{}"));
        assertThat(response.header("Retry-After")).isEqualTo("5");
        assertNoInternals(response);
        assertThat(response.body()).doesNotContain("Hikari").doesNotContain("refused");
        // One line naming the request and the cause, no stack trace (every request of an outage fails the same way).
        assertThat(output.getOut().lines().filter(line -> line.contains("GET /v1/database-down answered 503")))
                .singleElement().asString()
                .contains("WARN")
                .contains("the database is unavailable: java.sql.SQLTransientConnectionException: HikariPool-1")
                .contains("(root cause: java.net.ConnectException: Connection refused)");
        assertThat(output.getOut()).doesNotContain("\tat io.shareflow.support.testapp.DummyController.databaseDown");
    }

    @Test
    void aDatabaseThatCannotBeReachedFromAFilterIs503Too() {
        Response response = http.get("/filter/database-down", token);

        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.onlyError().get("errorCode").asString()).isEqualTo("ServiceUnavailable");
        assertThat(response.onlyError().get("message").asString()).isEqualTo("The database is unavailable; try again shortly.");
        assertThat(response.header("Retry-After")).isEqualTo("5");
    }

    @Test
    void successIsJsonByDefaultEvenWithXmlOnTheClasspath() {
        Response response = http.send("GET", SHARES, token, null, NO_PREFERENCE);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json().at("/data/name").asString()).isEqualTo("Quarterly report");
    }

    @Test
    void listsHaveDataAndPage() {
        Response response = http.get("/v1/shares?size=10", token);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("data").size()).isEqualTo(2);
        assertThat(response.json().at("/page/size").asInt()).isEqualTo(10);
        assertThat(response.json().at("/page/totalElements").asLong()).isEqualTo(2);
    }

    @Test
    void xmlIsProducedOnRequest() {
        Response response = http.send("GET", SHARES, token, null, Map.of("Accept", "application/xml"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/xml");
        assertThat(response.body()).startsWith("<response>").contains("<data>").contains("<name>Quarterly report</name>");
    }

    @Test
    void xmlListUsesItemElements() {
        Response response = http.send("GET", "/v1/shares", token, null, Map.of("Accept", "application/xml"));

        assertThat(response.body()).startsWith("<response><data><item>").contains("<page><number>0</number>");
    }

    @Test
    void xmlClientsGetXmlErrors() {
        Response response = http.send("GET", "/v1/shares/not-a-uuid", token, null, Map.of("Accept", "application/xml"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/xml");
        assertThat(response.body()).startsWith("<response><errors><error><errorCode>BadRequest</errorCode>")
                .contains("<extension><field>shareId</field></extension>");
    }

    @Test
    void xmlBodyIsAccepted() {
        Response response = http.post(SHARES, token,
                "<ShareRequest><name>From XML</name><role>downloader</role></ShareRequest>".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/xml"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().at("/data/name").asString()).isEqualTo("From XML");
    }

    @Test
    void malformedXmlIs400WithThePosition() {
        Response response = http.post(SHARES, token,
                "<ShareRequest><name>x</nme></ShareRequest>".getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/xml"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.onlyError().get("message").asString()).startsWith("Malformed XML at line 1");
        assertNoInternals(response);
    }

    private static void assertNoInternals(Response response) {
        assertThat(response.body())
                .doesNotContain("Exception")
                .doesNotContain("java.")
                .doesNotContain("io.shareflow")
                .doesNotContain("tools.jackson")
                .doesNotContain("\tat ");
    }
}
