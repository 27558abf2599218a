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
        String expired = Tokens.ACCEPTED.issue(Tokens.USER, Tokens.ORG, null, null, List.of("admin"), Duration.ofMinutes(-5));

        Response response = http.get("/v1/me", expired);

        assertUnauthorized(response);
        assertThat(response.onlyError().get("message").asString()).isEqualTo("The bearer token has expired.");
    }

    @Test
    void tokenSignedWithAnotherSecretIs401() {
        String forged = JwtTokens.signedWith("another-secret-that-is-also-32-bytes-long")
                .issuedBy(TestApplication.ISSUER, TestApplication.AUDIENCE)
                .issue(Tokens.USER, Tokens.ORG, null, null, List.of("admin"), Duration.ofMinutes(5));

        assertUnauthorized(http.get("/v1/me", forged));
    }

    @Test
    void unsignedAlgNoneTokenIs401() {
        String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = base64(claims("\"sub\":\"" + Tokens.USER + "\",\"org\":\"" + Tokens.ORG + "\",\"roles\":[\"admin\"]"));

        assertUnauthorized(http.get("/v1/me", header + "." + payload + "."));
    }

    @Test
    void tamperedPayloadIs401() {
        String[] parts = Tokens.withRoles("viewer").split("\\.");
        String elevated = base64(claims("\"sub\":\"" + Tokens.USER + "\",\"org\":\"" + Tokens.ORG + "\",\"roles\":[\"admin\"]"));

        assertUnauthorized(http.get("/v1/me", parts[0] + "." + elevated + "." + parts[2]));
    }

    @Test
    void garbageTokenIs401() {
        assertUnauthorized(http.get("/v1/me", "not-a-jwt"));
    }

    @Test
    void tokenWithoutOrgIs401() {
        String withoutOrg = signed(claims("\"sub\":\"" + Tokens.USER + "\",\"roles\":[\"admin\"]"));

        assertUnauthorized(http.get("/v1/me", withoutOrg));
    }

    @Test
    void tokenWhoseSubIsNotAUuidIs401() {
        String token = signed(claims("\"sub\":\"ada\",\"org\":\"" + Tokens.ORG + "\""));

        assertUnauthorized(http.get("/v1/me", token));
    }

    @Test
    void theSameClaimsSignedAsTheRawTokensBelowAreAccepted() {
        // The control of the raw tokens' tests: only what each of them leaves out or changes makes it a 401.
        String token = signed(claims(IDS));

        assertThat(http.get("/v1/me", token).status()).isEqualTo(200);
    }

    @Test
    void tokenWithoutExpIs401() {
        String endless = signed("{" + IDS + ",\"iss\":\"" + TestApplication.ISSUER + "\",\"aud\":\""
                + TestApplication.AUDIENCE + "\"}");

        Response response = http.get("/v1/me", endless);

        assertUnauthorized(response);
        assertThat(response.onlyError().get("message").asString()).isEqualTo("The bearer token is invalid.");
    }

    @Test
    void tokenOfAnotherIssuerOrWithoutOneIs401() {
        for (String issuer : new String[] {"someone-else", null}) {
            String token = JwtTokens.signedWith(TestApplication.SECRET).issuedBy(issuer, TestApplication.AUDIENCE)
                    .issue(Tokens.USER, Tokens.ORG, null, null, List.of("admin"), Duration.ofMinutes(5));

            assertUnauthorized(http.get("/v1/me", token));
        }
    }

    @Test
    void tokenForAnotherAudienceOrWithoutOneIs401() {
        for (String audience : new String[] {"another-service", null}) {
            String token = JwtTokens.signedWith(TestApplication.SECRET).issuedBy(TestApplication.ISSUER, audience)
                    .issue(Tokens.USER, Tokens.ORG, null, null, List.of("admin"), Duration.ofMinutes(5));

            assertUnauthorized(http.get("/v1/me", token));
        }
    }

    @Test
    void anAudienceListNamingThisOneAmongOthersIsAccepted() {
        String token = signed("{" + IDS + ",\"iss\":\"" + TestApplication.ISSUER + "\",\"aud\":[\"another-service\",\""
                + TestApplication.AUDIENCE + "\"],\"exp\":" + inFiveMinutes() + "}");

        assertThat(http.get("/v1/me", token).status()).isEqualTo(200);
    }

    /** A longer name or e-mail address than the columns hold would fail later, in a handler or a listener (DLT). */
    @Test
    void nameAndEmailLongerThanTheirBoundsAre401() {
        String name = "n".repeat(CurrentUser.MAX_NAME_LENGTH + 1);
        String email = "e".repeat(CurrentUser.MAX_EMAIL_LENGTH - "@example.com".length() + 1) + "@example.com";

        assertUnauthorized(http.get("/v1/me", Tokens.ACCEPTED.issue(Tokens.USER, Tokens.ORG, "ada@example.com", name,
                List.of(), Duration.ofMinutes(5))));
        assertUnauthorized(http.get("/v1/me", Tokens.ACCEPTED.issue(Tokens.USER, Tokens.ORG, email, "Ada",
                List.of(), Duration.ofMinutes(5))));
    }

    @Test
    void nameAndEmailOfExactlyTheBoundsAreAcceptedCountedInCharacters() {
        // 200 characters outside the BMP are 400 UTF-16 units: the bound counts characters, as the columns do.
        String name = "\uD83D\uDE80".repeat(CurrentUser.MAX_NAME_LENGTH);
        String email = "e".repeat(CurrentUser.MAX_EMAIL_LENGTH - "@example.com".length()) + "@example.com";

        Response response = http.get("/v1/me", Tokens.ACCEPTED.issue(Tokens.USER, Tokens.ORG, email, name, List.of(),
                Duration.ofMinutes(5)));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().at("/data/name").asString()).isEqualTo(name);
        assertThat(response.json().at("/data/email").asString()).isEqualTo(email);
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

    /** Valid ids, for the raw tokens. */
    private static final String IDS = "\"sub\":\"" + Tokens.USER + "\",\"org\":\"" + Tokens.ORG + "\"";

    /** A payload with these claims and an issuer, audience and expiry the test application accepts. */
    private static String claims(String claims) {
        return "{" + claims + ",\"iss\":\"" + TestApplication.ISSUER + "\",\"aud\":\"" + TestApplication.AUDIENCE
                + "\",\"exp\":" + inFiveMinutes() + "}";
    }

    private static long inFiveMinutes() {
        return System.currentTimeMillis() / 1000 + 300;
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
