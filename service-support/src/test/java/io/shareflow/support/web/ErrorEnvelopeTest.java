package io.shareflow.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import io.shareflow.support.testapp.Http;
import io.shareflow.support.testapp.TestApplication;
import io.shareflow.support.testapp.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every kind of error a client can cause or meet, over real HTTP, as the envelope of DESIGN.md. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorEnvelopeTest {

    private static final String SHARES = "/v1/shares/3c0a6f8e-58f1-4a52-9a55-0f6b1f2b9d11";

    @LocalServerPort
    int port;

    Http http;
    String token;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        token = Tokens.withRoles("producer-user");
    }

    @Test
    void malformedJsonIs400WithThePosition() {
        Http.Response response = http.post(SHARES).bearer(token).json("{\n  \"name\": \"x\",\n  \"role\" \"viewer\"\n}").send();

        assertThat(response.status()).isEqualTo(400);
        JsonNode error = response.error();
        assertThat(error.get("errorCode").asString()).isEqualTo("BadRequest");
        assertThat(error.get("message").asString()).startsWith("Malformed JSON at line 3, column 10");
        assertThat(error.get("extension").isObject()).isTrue();
        assertNoInternals(response);
    }

    @Test
    void missingFieldNamesTheField() {
        Http.Response response = http.post(SHARES).bearer(token).json("{\"role\": \"viewer\"}").send();

        assertThat(response.status()).isEqualTo(400);
        JsonNode error = response.error();
        assertThat(error.get("errorCode").asString()).isEqualTo("BadRequest");
        assertThat(error.at("/extension/field").asString()).isEqualTo("name");
        assertThat(error.get("message").asString()).isEqualTo("name: must not be blank");
    }

    @Test
    void nestedInvalidFieldIsNamedByItsPath() {
        Http.Response response = http.post(SHARES).bearer(token)
                .json("{\"name\": \"x\", \"recipients\": [{\"email\": \"a@example.com\"}, {\"email\": \"nope\"}]}").send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error().at("/extension/field").asString()).isEqualTo("recipients[1].email");
    }

    @Test
    void everyViolationIsReportedSortedByField() {
        Http.Response response = http.post(SHARES).bearer(token)
                .json("{\"name\": \" \", \"subject\": \"much too long a subject\", \"recipients\": [{\"email\": \"nope\"}]}").send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").valueStream().map(e -> e.at("/extension/field").asString()))
                .containsExactly("name", "recipients[0].email", "subject");
    }

    @Test
    void unknownEnumValueNamesTheJsonPath() {
        Http.Response response = http.post(SHARES).bearer(token).json("{\"name\": \"x\", \"role\": \"owner\"}").send();

        assertThat(response.status()).isEqualTo(400);
        JsonNode error = response.error();
        assertThat(error.at("/extension/field").asString()).isEqualTo("role");
        assertThat(error.get("message").asString())
                .isEqualTo("Invalid value for role at line 1, column 23: expected one of the allowed values.");
        assertNoInternals(response);
    }

    @Test
    void wrongTypeInsideAListNamesTheJsonPath() {
        Http.Response response = http.post(SHARES).bearer(token)
                .json("{\"name\": \"x\", \"recipients\": [{\"email\": \"a@example.com\"}, {\"userId\": \"not-a-uuid\"}]}").send();

        assertThat(response.status()).isEqualTo(400);
        JsonNode error = response.error();
        assertThat(error.at("/extension/field").asString()).isEqualTo("recipients[1].userId");
        assertThat(error.get("message").asString()).contains("expected a UUID");
        assertNoInternals(response);
    }

    @Test
    void badDateNamesTheField() {
        Http.Response response = http.post(SHARES).bearer(token).json("{\"name\": \"x\", \"expiresAt\": \"tomorrow\"}").send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error().at("/extension/field").asString()).isEqualTo("expiresAt");
        assertThat(response.error().get("message").asString()).contains("ISO-8601");
    }

    @Test
    void missingBodyIs400() {
        Http.Response response = http.post(SHARES).bearer(token).header("Content-Type", "application/json").send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error().get("message").asString()).isEqualTo("A request body is required.");
        assertNoInternals(response);
    }

    @Test
    void pathIdThatIsNotAUuidNamesTheVariable() {
        Http.Response response = http.get("/v1/shares/not-a-uuid").bearer(token).send();

        assertThat(response.status()).isEqualTo(400);
        JsonNode error = response.error();
        assertThat(error.get("errorCode").asString()).isEqualTo("BadRequest");
        assertThat(error.at("/extension/field").asString()).isEqualTo("shareId");
        assertThat(error.get("message").asString()).isEqualTo("Invalid value for shareId: expected a UUID.");
    }

    @Test
    void constraintOnAQueryParameterNamesIt() {
        Http.Response response = http.get("/v1/shares?size=500").bearer(token).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error().at("/extension/field").asString()).isEqualTo("size");
        assertThat(response.error().get("message").asString()).isEqualTo("size: must be less than or equal to 100");
    }

    @Test
    void missingHeaderIsNamed() {
        Http.Response response = http.get("/v1/links/abc").bearer(token).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error().at("/extension/header").asString()).isEqualTo("X-Share-Password");
        assertThat(response.error().get("message").asString()).contains("X-Share-Password");
    }

    @Test
    void missingQueryParameterIsNamed() {
        Http.Response response = http.get("/v1/users").bearer(token).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error().at("/extension/field").asString()).isEqualTo("email");
    }

    @Test
    void constraintViolationExceptionNamesThePropertyPath() {
        Http.Response response = http.get("/v1/violations").bearer(token).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error().at("/extension/field").asString()).isEqualTo("recipients[1].email");
    }

    @Test
    void unknownPathIs404EvenThoughStaticResourcesAreMapped() {
        Http.Response response = http.get("/v1/nothing-here").bearer(token).send();

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.error().get("errorCode").asString()).isEqualTo("NotFound");
        assertThat(response.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void wrongMethodIs405WithAllow() {
        Http.Response response = http.method("PUT", SHARES).bearer(token).json("{}").send();

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.error().get("errorCode").asString()).isEqualTo("MethodNotAllowed");
        assertThat(response.header("Allow")).contains("GET").contains("DELETE");
    }

    @Test
    void unsupportedContentTypeIs415() {
        Http.Response response = http.post(SHARES).bearer(token).header("Content-Type", "text/plain")
                .body("hello".getBytes(StandardCharsets.UTF_8)).send();

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.error().get("errorCode").asString()).isEqualTo("UnsupportedMediaType");
        assertThat(response.error().get("message").asString()).contains("text/plain").contains("application/json");
    }

    @Test
    void unacceptableAcceptIs406InJson() {
        Http.Response response = http.get("/v1/only-json").bearer(token).header("Accept", "text/csv").send();

        assertThat(response.status()).isEqualTo(406);
        assertThat(response.error().get("errorCode").asString()).isEqualTo("NotAcceptable");
    }

    @Test
    void tooLargeUploadIs413() {
        String boundary = "b0undary";
        String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + "x".repeat(4096) + "\r\n--" + boundary + "--\r\n";
        Http.Response response = http.post("/v1/uploads").bearer(token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .body(part.getBytes(StandardCharsets.UTF_8)).send();

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.error().get("errorCode").asString()).isEqualTo("PayloadTooLarge");
    }

    @Test
    void duplicateKeyIs409WithoutSql() {
        Http.Response response = http.get("/v1/duplicate").bearer(token).send();

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.error().get("errorCode").asString()).isEqualTo("Conflict");
        assertThat(response.body()).doesNotContain("users_email_key").doesNotContain("duplicate key");
    }

    @Test
    void apiExceptionKeepsItsExtension() {
        Http.Response response = http.get("/v1/unprocessable").bearer(token).send();

        assertThat(response.status()).isEqualTo(422);
        JsonNode error = response.error();
        assertThat(error.get("errorCode").asString()).isEqualTo("UnprocessableEntity");
        assertThat(error.get("message").asString()).isEqualTo("Operation not allowed for this entity type.");
        assertThat(error.at("/extension/entityType").asString()).isEqualTo("Document");
    }

    @Test
    void unexpectedExceptionIs500WithTraceIdAndNoInternals() {
        Http.Response response = http.get("/v1/boom").bearer(token).send();

        assertThat(response.status()).isEqualTo(500);
        JsonNode error = response.error();
        assertThat(error.get("errorCode").asString()).isEqualTo("InternalServerError");
        String traceId = error.at("/extension/traceId").asString();
        assertThat(traceId).isNotBlank();
        assertThat(error.get("message").asString()).contains(traceId);
        assertNoInternals(response);
        assertThat(response.body()).doesNotContain("secret").doesNotContain("select");
    }

    @Test
    void exceptionInAFilterGetsTheEnvelopeToo() {
        Http.Response response = http.get("/filter/boom").bearer(token).send();

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.error().get("errorCode").asString()).isEqualTo("InternalServerError");
        assertThat(response.error().at("/extension/traceId").asString()).isNotBlank();
        assertNoInternals(response);
        assertThat(response.body()).doesNotContain("secret-host");
    }

    @Test
    void apiExceptionInAFilterKeepsItsStatusAndMessage() {
        Http.Response response = http.get("/filter/limited").bearer(token).send();

        assertThat(response.status()).isEqualTo(429);
        assertThat(response.error().get("errorCode").asString()).isEqualTo("TooManyRequests");
        assertThat(response.error().get("message").asString()).isEqualTo("Too many wrong passwords for this link.");
    }

    @Test
    void sendErrorOutsideMvcGetsTheEnvelope() {
        Http.Response response = http.get("/filter/unavailable").bearer(token).send();

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.error().get("errorCode").asString()).isEqualTo("ServiceUnavailable");
    }

    @Test
    void successIsJsonByDefaultEvenWithXmlOnTheClasspath() {
        Http.Response response = http.get(SHARES).bearer(token).header("Accept", "*/*").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json().at("/data/name").asString()).isEqualTo("Quarterly report");
    }

    @Test
    void listsHaveDataAndPage() {
        Http.Response response = http.get("/v1/shares?size=10").bearer(token).send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("data").size()).isEqualTo(2);
        assertThat(response.json().at("/page/size").asInt()).isEqualTo(10);
        assertThat(response.json().at("/page/totalElements").asLong()).isEqualTo(2);
    }

    @Test
    void xmlIsProducedOnRequest() {
        Http.Response response = http.get(SHARES).bearer(token).header("Accept", "application/xml").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/xml");
        assertThat(response.body()).startsWith("<response>").contains("<data>").contains("<name>Quarterly report</name>");
    }

    @Test
    void xmlListUsesItemElements() {
        Http.Response response = http.get("/v1/shares").bearer(token).header("Accept", "application/xml").send();

        assertThat(response.body()).startsWith("<response><data><item>").contains("<page><number>0</number>");
    }

    @Test
    void xmlClientsGetXmlErrors() {
        Http.Response response = http.get("/v1/shares/not-a-uuid").bearer(token).header("Accept", "application/xml").send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/xml");
        assertThat(response.body()).startsWith("<response><errors><error><errorCode>BadRequest</errorCode>")
                .contains("<extension><field>shareId</field></extension>");
    }

    @Test
    void xmlBodyIsAccepted() {
        Http.Response response = http.post(SHARES).bearer(token).header("Content-Type", "application/xml")
                .body("<ShareRequest><name>From XML</name><role>downloader</role></ShareRequest>".getBytes(StandardCharsets.UTF_8))
                .send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().at("/data/name").asString()).isEqualTo("From XML");
    }

    @Test
    void malformedXmlIs400WithThePosition() {
        Http.Response response = http.post(SHARES).bearer(token).header("Content-Type", "application/xml")
                .body("<ShareRequest><name>x</nme></ShareRequest>".getBytes(StandardCharsets.UTF_8)).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error().get("message").asString()).startsWith("Malformed XML at line 1");
        assertNoInternals(response);
    }

    private static void assertNoInternals(Http.Response response) {
        assertThat(response.body())
                .doesNotContain("Exception")
                .doesNotContain("java.")
                .doesNotContain("io.shareflow")
                .doesNotContain("tools.jackson")
                .doesNotContain("\tat ");
    }
}
