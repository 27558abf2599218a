package io.shareflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.shareflow.support.security.CurrentUser;
import io.shareflow.support.security.JwtTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** The dev sign-in page over HTTP, on its own: the list, the cookie, the redirect and what it refuses. */
class DevSignInIT {

    private static final String SECRET = "dev-sign-in-test-secret-of-32-bytes!";
    private static final String SHARE_API = "http://localhost:8080";
    private static final String RETURN_TO = SHARE_API + "/s/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde";
    private static final CurrentUser ALICE = new CurrentUser(UUID.randomUUID(), UUID.randomUUID(),
            "alice@acme.example", "Alice <Archer>", Set.of("producer-admin"));
    private static final CurrentUser NINA = new CurrentUser(UUID.randomUUID(), UUID.randomUUID(),
            "nina@example.com", "Nina Newcomer", Set.of());
    private static final String NINAS_PASSWORD = "Nina's own secret";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static DevSignIn signIn;

    @BeforeAll
    static void start() {
        signIn = new DevSignIn(0, SHARE_API, JwtTokens.signedWith(SECRET).issuedBy("the-issuer", "the-audience"),
                () -> List.of(new DevSignIn.Account("alice", ALICE, "producer-admin, Acme Aviation"),
                        new DevSignIn.Account("user-nina", NINA, "registered recipient, no role", true)),
                (account, password) -> account.user().equals(NINA) && password.equals(NINAS_PASSWORD)
                        ? DevSignIn.Verdict.signedIn(NINA) : DevSignIn.Verdict.refused("That password is not right."))
                .start();
    }

    @AfterAll
    static void stop() {
        signIn.close();
    }

    @Test
    void listsTheAccountsEscapedWithTheReturnAddressAndForbidsFraming() throws Exception {
        HttpResponse<String> page = get(signIn.url() + "?returnTo=" + encode(RETURN_TO));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Alice &lt;Archer&gt;").doesNotContain("Alice <Archer>")
                .contains("name=\"account\" value=\"alice\"")
                .contains("name=\"returnTo\" value=\"" + RETURN_TO + "\"");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("frame-ancestors 'none'").contains("form-action 'self' " + SHARE_API);
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    @Test
    void signingInSetsTheSessionCookieWithTheSameJwtAsABearerAndReturns() throws Exception {
        HttpResponse<String> answer = post(signIn.url(), "account=alice&returnTo=" + encode(RETURN_TO), null);
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValue(RETURN_TO);
        String cookie = answer.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith(DevSignIn.COOKIE + "=").contains("; HttpOnly").contains("; SameSite=Lax")
                .contains("; Path=/;").contains("Max-Age=43200");

        SignedJWT jwt = SignedJWT.parse(cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';')));
        assertThat(jwt.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
        // What the services require of every token: an end, and (when configured, as local-stack does) iss and aud.
        assertThat(jwt.getJWTClaimsSet().getExpirationTime()).isInTheFuture();
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("the-issuer");
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("the-audience");
        Map<String, Object> claims = claims(jwt);
        assertThat(CurrentUser.from(Jwt.withTokenValue(jwt.serialize()).header("alg", "HS256")
                .claims(c -> c.putAll(claims)).build())).isEqualTo(ALICE);

        HttpResponse<String> list = get(signIn.url(), "Cookie", DevSignIn.COOKIE + "=" + jwt.serialize());
        assertThat(list.body()).contains("Signed in as <strong>Alice &lt;Archer&gt;</strong>");
    }

    @Test
    void aRegisteredRecipientSignsInWithTheirPasswordAndWithoutRoles() throws Exception {
        HttpResponse<String> list = get(signIn.url() + "?returnTo=" + encode(RETURN_TO));
        assertThat(list.body()).contains("Nina Newcomer").contains("name=\"password\" id=\"password-user-nina\"");
        assertThat(list.body()).doesNotContain("id=\"password-alice\"");

        for (String wrong : new String[] {"", "not Nina's password"}) {
            HttpResponse<String> refused = post(signIn.url(),
                    "account=user-nina&password=" + encode(wrong) + "&returnTo=" + encode(RETURN_TO), null);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
            assertThat(refused.body()).contains("id=\"sign-in-error\"").contains("id=\"password-user-nina\"");
            if (!wrong.isEmpty()) {
                assertThat(refused.body()).doesNotContain(wrong);
            }
        }

        HttpResponse<String> answer = post(signIn.url(),
                "account=user-nina&password=" + encode(NINAS_PASSWORD) + "&returnTo=" + encode(RETURN_TO), null);
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValue(RETURN_TO);
        String cookie = answer.headers().firstValue("Set-Cookie").orElseThrow();
        SignedJWT jwt = SignedJWT.parse(cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';')));
        assertThat(jwt.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).isEmpty();
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(NINA.userId().toString());
    }

    @Test
    void withoutReturnToItComesBackToTheList() throws Exception {
        HttpResponse<String> answer = post(signIn.url(), "account=alice", null);
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValue(DevSignIn.PATH);
    }

    @Test
    void refusesToReturnElsewhereAnUnknownAccountAndAnotherSitesForm() throws Exception {
        HttpResponse<String> elsewhere = post(signIn.url(), "account=alice&returnTo=" + encode("https://evil.example/"), null);
        assertThat(elsewhere.statusCode()).isEqualTo(400);
        assertThat(elsewhere.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(get(signIn.url() + "?returnTo=" + encode("https://evil.example/")).statusCode()).isEqualTo(400);

        HttpResponse<String> nobody = post(signIn.url(), "account=mallory&returnTo=" + encode(RETURN_TO), null);
        assertThat(nobody.statusCode()).isEqualTo(400);
        assertThat(nobody.headers().firstValue("Set-Cookie")).isEmpty();

        HttpResponse<String> forged = post(signIn.url(), "account=alice&returnTo=" + encode(RETURN_TO), "https://evil.example");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void signingOutClearsTheCookie() throws Exception {
        HttpResponse<String> answer = post(signIn.url().replace("/sign-in", "/sign-out"), "", null);
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Set-Cookie").orElseThrow())
                .startsWith(DevSignIn.COOKIE + "=;").contains("Max-Age=0").contains("Path=/");
    }

    private static Map<String, Object> claims(SignedJWT jwt) throws java.text.ParseException {
        Map<String, Object> claims = new HashMap<>(jwt.getJWTClaimsSet().getClaims());
        claims.remove("iat");
        claims.remove("exp");
        return claims;
    }

    private static HttpResponse<String> get(String url, String... header) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (header.length == 2) {
            request.header(header[0], header[1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String form, String origin) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
