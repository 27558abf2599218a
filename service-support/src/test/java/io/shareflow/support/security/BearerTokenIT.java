package io.shareflow.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.shareflow.support.testapp.TestApplication;
import io.shareflow.support.testapp.Tokens;
import io.shareflow.testsupport.HttpTestClient;
import io.shareflow.testsupport.HttpTestClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The default filter chain of service-support: everything but public actuator paths needs a valid token. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BearerTokenIT {

    /** A client that states no preference (any media type), which Spring treats like a missing Accept header. */
    private static final Map<String, String> NO_PREFERENCE = Map.of("Accept", "*/*");

    @LocalServerPort
    int port;

    HttpTestClient http;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient(port);
    }

    @Test
    void noTokenIs401WithEnvelope() {
        Response response = http.send("GET", "/v1/me", null, null, NO_PREFERENCE);

        assertUnauthorized(response);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.onlyError().get("message").asString()).contains("bearer token");
    }

    @Test
    void expiredTokenIs401() {
        String expired = JwtTokens.issue(TestApplication.SECRET, Tokens.USER, Tokens.ORG, null, null, List.of("admin"),
                Duration.ofMinutes(-5));

        Response response = http.get("/v1/me", expired);

        assertUnauthorized(response);
        assertThat(response.onlyError().get("message").asString()).isEqualTo("The bearer token has expired.");
    }

    @Test
    void tokenSignedWithAnotherSecretIs401() {
        String forged = JwtTokens.issue("another-secret-that-is-also-32-bytes-long", Tokens.USER, Tokens.ORG, null, null,
                List.of("admin"), Duration.ofMinutes(5));

        assertUnauthorized(http.get("/v1/me", forged));
    }

    @Test
    void unsignedAlgNoneTokenIs401() {
        String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = base64("{\"sub\":\"" + Tokens.USER + "\",\"org\":\"" + Tokens.ORG + "\",\"roles\":[\"admin\"],\"exp\":"
                + (System.currentTimeMillis() / 1000 + 300) + "}");

        assertUnauthorized(http.get("/v1/me", header + "." + payload + "."));
    }

    @Test
    void tamperedPayloadIs401() {
        String[] parts = Tokens.withRoles("viewer").split("\\.");
        String elevated = base64("{\"sub\":\"" + Tokens.USER + "\",\"org\":\"" + Tokens.ORG + "\",\"roles\":[\"admin\"],\"exp\":"
                + (System.currentTimeMillis() / 1000 + 300) + "}");

        assertUnauthorized(http.get("/v1/me", parts[0] + "." + elevated + "." + parts[2]));
    }

    @Test
    void garbageTokenIs401() {
        assertUnauthorized(http.get("/v1/me", "not-a-jwt"));
    }

    @Test
    void tokenWithoutOrgIs401() {
        String withoutOrg = signed("{\"sub\":\"" + Tokens.USER + "\",\"roles\":[\"admin\"],\"exp\":"
                + (System.currentTimeMillis() / 1000 + 300) + "}");

        assertUnauthorized(http.get("/v1/me", withoutOrg));
    }

    @Test
    void tokenWhoseSubIsNotAUuidIs401() {
        String token = signed("{\"sub\":\"ada\",\"org\":\"" + Tokens.ORG + "\",\"exp\":" + (System.currentTimeMillis() / 1000 + 300) + "}");

        assertUnauthorized(http.get("/v1/me", token));
    }

    @Test
    void validTokenGivesTheCurrentUser() {
        Response response = http.get("/v1/me", Tokens.withRoles("producer-admin", "viewer"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().at("/data/userId").asString()).isEqualTo(Tokens.USER.toString());
        assertThat(response.json().at("/data/organizationId").asString()).isEqualTo(Tokens.ORG.toString());
        assertThat(response.json().at("/data/email").asString()).isEqualTo("ada@example.com");
        assertThat(response.json().at("/data/name").asString()).isEqualTo("Ada Lovelace");
        assertThat(response.json().at("/data/roles").valueStream().map(r -> r.asString()))
                .containsExactlyInAnyOrder("producer-admin", "viewer");
    }

    @Test
    void wrongRoleIs403NoPermission() {
        Response response = http.send("GET", "/v1/admin/report", Tokens.withRoles("producer-user"), null, NO_PREFERENCE);

        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.onlyError().get("errorCode").asString()).isEqualTo("NoPermission");
        assertThat(response.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void rightRoleIs200() {
        Response response = http.get("/v1/admin/report", Tokens.withRoles("admin"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().at("/data").asString()).isEqualTo("report");
    }

    @Test
    void actuatorHealthNeedsNoToken() {
        // No actuator in this test application: a permitted path that does not exist is 404, not 401.
        Response response = http.get("/actuator/health", null);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.onlyError().get("errorCode").asString()).isEqualTo("NotFound");
    }

    @Test
    void unknownPathWithoutTokenIs401NotALeakOfWhatExists() {
        assertUnauthorized(http.get("/v1/nothing-here", null));
    }

    private static void assertUnauthorized(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.onlyError().get("errorCode").asString()).isEqualTo("Unauthorized");
        assertThat(response.onlyError().get("extension").isObject()).isTrue();
        assertThat(response.header("Content-Type")).startsWith("application/json");
    }

    private static String signed(String payloadJson) {
        String signingInput = base64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + base64(payloadJson);
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(TestApplication.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
