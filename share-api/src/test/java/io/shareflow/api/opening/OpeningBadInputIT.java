package io.shareflow.api.opening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import io.shareflow.api.share.model.LinkToken;
import io.shareflow.api.support.Caller;
import io.shareflow.testsupport.HttpTestClient.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What {@code GET /v1/links/{token}} does with bad input: the documented 4xx naming the field, never a 5xx. */
class OpeningBadInputIT extends OpeningIntegrationSupport {

    @ParameterizedTest(name = "token {0}")
    @ValueSource(strings = {"short", "fifteen-chars-x", "a-token-with.a-dot-in-it", "padded-token-base64url==",
            "a%20token%20with%20spaces", "t%C3%B6ken-with-an-umlaut", "plus+and/slash+is+not+url"})
    void aTokenThatIsNotUrlSafeBase64Of16To128CharactersIsA400NamingIt(String token) {
        long opens = count("select count(*) from share_open");
        Response response = open(token, null);
        if (token.contains("/")) {
            // A slash makes it another path, not a token: no such endpoint.
            assertThat(response.status()).as(response.toString()).isIn(401, 404);
        } else {
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.onlyError().get("errorCode").asString()).isEqualTo("BadRequest");
            assertThat(response.onlyError().get("extension").get("field").asString()).isEqualTo("token");
        }
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(count("select count(*) from share_open")).as("nothing recorded").isEqualTo(opens);
    }

    @Test
    void tooLongATokenIsA400AndTheLongestAllowedIsLookedUp() {
        assertThat(open("a".repeat(129), null).onlyError().get("extension").get("field").asString()).isEqualTo("token");
        assertThat(open("a".repeat(128), null).status()).isEqualTo(404);
        assertThat(open("a".repeat(16), null).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0} characters")
    @CsvSource({"1025, 400", "5000, 400", "1024, 404", "73, 404"})
    void aPasswordHeaderOver1024CharactersIsA400NamingIt(int length, int status) {
        Response response = open(LinkToken.generate().value(), null,
                Map.of(LinkController.PASSWORD_HEADER, "p".repeat(length)));
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        if (status == 400) {
            assertThat(response.onlyError().get("extension").get("field").asString()).isEqualTo("X-Share-Password");
        }
    }

    @Test
    void aBadAuthorizationHeaderIs401AsEverywhereButABadCookieIsAnonymous() {
        String token = LinkToken.generate().value();
        Response badBearer = open(token, "not-a-jwt");
        assertThat(badBearer.status()).isEqualTo(401);
        assertThat(badBearer.onlyError().get("extension").has("refusal")).as("the door, not the share").isFalse();
        assertThat(open(token, null, Map.of("Authorization", "Bearer")).status()).isEqualTo(401);
        assertThat(open(token, null, Map.of("Cookie", "shareflow_session=not-a-jwt")).status()).isEqualTo(404);
        // An expired token in the cookie: anonymous too.
        Caller expired = new Caller(UUID.randomUUID(), UUID.randomUUID(), "e@example.com", "E",
                io.shareflow.support.security.JwtTokens.signedWith(Caller.SECRET).issue(UUID.randomUUID(), UUID.randomUUID(),
                        "e@example.com", "E", java.util.List.of("admin"), java.time.Duration.ofSeconds(-120)));
        assertThat(open(token, null, Map.of("Cookie", "shareflow_session=" + expired.token())).status()).isEqualTo(404);
    }

    @Test
    void theCookieSignsInOnlyWhereItIsHonoured() {
        Caller sharer = Caller.sharer();
        Response withCookie = api.send("GET", "/v1/resources", null, null,
                Map.of("Cookie", "shareflow_session=" + sharer.token()));
        assertThat(withCookie.status()).isEqualTo(401);
        assertThat(api.get("/v1/resources", sharer.token()).status()).isEqualTo(200);
    }

    @Test
    void otherMethodsOnALinkAreNotOpenings() {
        Response post = api.send("POST", "/v1/links/" + LinkToken.generate().value(), null, "{}");
        assertThat(post.status()).isBetween(400, 499);
    }
}
