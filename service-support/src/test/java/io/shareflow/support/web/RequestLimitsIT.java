package io.shareflow.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.shareflow.support.testapp.TestApplication;
import io.shareflow.support.testapp.Tokens;
import io.shareflow.testsupport.HttpTestClient;
import io.shareflow.testsupport.HttpTestClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What every service refuses before its code sees the request: unknown fields, big bodies, deep nesting, DTDs. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestLimitsIT {

    private static final String SHARES = "/v1/shares/3c0a6f8e-58f1-4a52-9a55-0f6b1f2b9d11";
    private static final Map<String, String> XML = Map.of("Content-Type", "application/xml");
    static final int LIMIT = 64 * 1024;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

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
    void anUnknownJsonFieldIs400NamingItsPath() {
        Response top = http.post(SHARES, token, "{\"name\": \"x\", \"notfy\": false}");
        assertField(top, 400, "notfy");
        assertThat(top.onlyError().get("message").asString()).startsWith("Unknown field notfy at line 1");

        Response nested = http.post(SHARES, token, "{\"name\": \"x\", \"recipients\": [{\"email\": \"a@example.com\", \"notfy\": 1}]}");
        assertField(nested, 400, "recipients[0].notfy");
    }

    @Test
    void anUnknownXmlElementIs400NamingItsPath() {
        Response response = http.post(SHARES, token,
                "<ShareRequest><name>x</name><notfy>false</notfy></ShareRequest>".getBytes(StandardCharsets.UTF_8), XML);
        assertField(response, 400, "notfy");
    }

    @Test
    void aBodyOfExactlyTheLimitIsRead() {
        String body = padded("{\"name\": \"x\"}", LIMIT);
        assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(LIMIT);
        assertThat(http.post(SHARES, token, body).status()).isEqualTo(200);
    }

    @Test
    void aContentLengthOverTheLimitIs413WithoutAToken() {
        String body = padded("{\"name\": \"x\"}", LIMIT + 1);
        for (String bearer : new String[] {token, null}) {
            Response response = http.post(SHARES, bearer, body);
            assertThat(response.status()).as(response.toString()).isEqualTo(413);
            assertThat(response.onlyError().get("errorCode").asString()).isEqualTo("PayloadTooLarge");
            assertThat(response.onlyError().get("message").asString()).contains("65536 bytes");
            assertThat(response.onlyError().get("extension").isObject()).isTrue();
        }
        Response xml = http.post(SHARES, token, body, Map.of("Accept", "application/xml"));
        assertThat(xml.status()).isEqualTo(413);
        assertThat(xml.body()).startsWith("<response><errors><error><errorCode>PayloadTooLarge</errorCode>");
    }

    @Test
    void aChunkedBodyIsCutWhenItPassesTheLimit() throws Exception {
        byte[] body = padded("{\"name\": \"x\"}", LIMIT + 1).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = chunked(body);
        assertThat(response.headers().firstValue("Content-Length")).isEmpty();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(JsonMapper.shared().readTree(response.body()).at("/errors/0/errorCode").asString()).isEqualTo("PayloadTooLarge");

        assertThat(chunked(padded("{\"name\": \"x\"}", LIMIT).getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
    }

    @Test
    void jsonNested1000LevelsIs400() {
        String deep = "{\"name\": \"x\", \"subject\": " + "[".repeat(1000) + "]".repeat(1000) + "}";
        Response response = http.post(SHARES, token, deep);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.onlyError().get("errorCode").asString()).isEqualTo("BadRequest");

        String deepObjects = "{\"name\": \"x\", \"extra\": " + "{\"a\":".repeat(1000) + "1" + "}".repeat(1000) + "}";
        assertThat(http.post(SHARES, token, deepObjects).status()).isEqualTo(400);
    }

    @Test
    void xmlNested1000LevelsIs400() {
        String deep = "<ShareRequest><name>x</name>" + "<a>".repeat(1000) + "</a>".repeat(1000) + "</ShareRequest>";
        Response response = http.post(SHARES, token, deep.getBytes(StandardCharsets.UTF_8), XML);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
    }

    @Test
    void anExternalEntityIsRefusedAndNoFileIsRead() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE ShareRequest [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <ShareRequest><name>&xxe;</name></ShareRequest>""";
        Response response = http.post(SHARES, token, xxe.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/xml", "Accept", "application/json"));
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.onlyError().get("errorCode").asString()).isEqualTo("BadRequest");
        assertThat(response.body()).doesNotContain("root:").doesNotContain("/bin/");
    }

    @Test
    void aBillionLaughsIsRefusedQuickly() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE ShareRequest [\n<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        dtd.append("]>\n<ShareRequest><name>&lol9;</name></ShareRequest>");
        long start = System.nanoTime();
        Response response = http.post(SHARES, token, dtd.toString().getBytes(StandardCharsets.UTF_8), XML);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("lollol");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    private HttpResponse<String> chunked(byte[] body) throws Exception {
        // An InputStream publisher has no known length: Java's client sends it chunked.
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + SHARES))
                .version(HttpClient.Version.HTTP_1_1)
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON object of exactly {@code size} bytes: {@code json} with blanks before its closing brace. */
    static String padded(String json, int size) {
        return json.substring(0, json.length() - 1) + " ".repeat(size - json.length()) + "}";
    }

    private static void assertField(Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        JsonNode error = response.onlyError();
        assertThat(error.get("errorCode").asString()).isEqualTo("BadRequest");
        assertThat(error.at("/extension/field").asString()).isEqualTo(field);
    }
}
