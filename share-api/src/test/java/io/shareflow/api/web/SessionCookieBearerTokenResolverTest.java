package io.shareflow.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import io.shareflow.support.security.JwtTokens;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class SessionCookieBearerTokenResolverTest {

    private static final String SECRET = "a-secret-of-at-least-thirty-two-bytes-0123456789";
    private final SessionCookieBearerTokenResolver resolver = new SessionCookieBearerTokenResolver(NimbusJwtDecoder
            .withSecretKey(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
            .macAlgorithm(MacAlgorithm.HS256).build());
    private final String jwt = token(Duration.ofHours(1));

    private static String token(Duration ttl) {
        return JwtTokens.signedWith(SECRET).issue(UUID.randomUUID(), UUID.randomUUID(), "a@example.com", "A", List.of(), ttl);
    }

    private static MockHttpServletRequest request(String method, String path, String cookie) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRequestURI(path);
        if (cookie != null) {
            request.setCookies(new Cookie(SessionCookieBearerTokenResolver.COOKIE, cookie));
        }
        return request;
    }

    @Test
    void theCookieSignsInOnThePagesAndWhenOpeningALink() {
        assertThat(resolver.resolve(request("GET", "/v1/links/abcdefghijklmnopq", jwt))).isEqualTo(jwt);
        assertThat(resolver.resolve(request("GET", "/s/abcdefghijklmnopq", jwt))).isEqualTo(jwt);
        assertThat(resolver.resolve(request("POST", "/s/abcdefghijklmnopq/password", jwt))).isEqualTo(jwt);
    }

    @Test
    void theCookieIsIgnoredEverywhereElse() {
        assertThat(resolver.resolve(request("GET", "/v1/shares", jwt))).isNull();
        assertThat(resolver.resolve(request("POST", "/v1/links/abcdefghijklmnopq", jwt))).isNull();
        assertThat(resolver.resolve(request("GET", "/v1/links/abc/more", jwt))).isNull();
    }

    @Test
    void anInvalidCookieIsAnonymous() {
        assertThat(resolver.resolve(request("GET", "/s/abcdefghijklmnopq", "garbage"))).isNull();
        assertThat(resolver.resolve(request("GET", "/s/abcdefghijklmnopq", token(Duration.ofMinutes(-5))))).isNull();
        assertThat(resolver.resolve(request("GET", "/s/abcdefghijklmnopq", ""))).isNull();
    }

    @Test
    void theHeaderWinsAndABadHeaderIsStillRefused() {
        MockHttpServletRequest both = request("GET", "/s/abcdefghijklmnopq", "garbage");
        both.addHeader("Authorization", "Bearer " + jwt);
        assertThat(resolver.resolve(both)).isEqualTo(jwt);

        MockHttpServletRequest malformed = request("GET", "/v1/links/abcdefghijklmnopq", jwt);
        malformed.addHeader("Authorization", "Bearer ");
        assertThatThrownBy(() -> resolver.resolve(malformed)).isInstanceOf(OAuth2AuthenticationException.class);
    }
}
