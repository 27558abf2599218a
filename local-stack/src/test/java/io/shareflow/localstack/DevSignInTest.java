package io.shareflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.shareflow.support.security.JwtTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The dev sign-in page sends people back into share-api only: never an open redirect. */
class DevSignInTest {

    private final DevSignIn signIn = new DevSignIn(0, "http://localhost:8080", JwtTokens.signedWith("x".repeat(32)), List::of);

    @ParameterizedTest
    @ValueSource(strings = {
            "http://localhost:8080/s/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde",
            "http://LOCALHOST:8080/s/abc",
            "HTTP://localhost:8080/s/abc?x=1",
            "http://localhost:8080/v1/links/abc"})
    void returnsIntoShareApi(String returnTo) {
        assertThat(signIn.safeReturn(returnTo)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://evil.example/s/abc",
            "//evil.example/s/abc",
            "/s/abc",
            "http://localhost:8081/s/abc",
            "http://localhost/s/abc",
            "https://localhost:8080/s/abc",
            "http://localhost:8080@evil.example/s/abc",
            "http://user@localhost:8080/s/abc",
            "http://localhost:8080.evil.example/s/abc",
            "javascript:alert(1)",
            "http://localhost:8080/s/abc#x",
            "http://localhost:8080",
            "http://local host:8080/s/abc",
            ""})
    void neverElsewhere(String returnTo) {
        assertThat(signIn.safeReturn(returnTo)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:9000/app/s/abc", "http://localhost:9000/app/"})
    void underABasePathOnlyBelowIt(String returnTo) {
        DevSignIn under = new DevSignIn(0, "http://localhost:9000/app/", JwtTokens.signedWith("x".repeat(32)), List::of);
        assertThat(under.safeReturn(returnTo)).isPresent();
        assertThat(under.safeReturn("http://localhost:9000/other/s/abc")).isEmpty();
        assertThat(under.safeReturn("http://localhost:9000/app/../other")).isEmpty();
    }
}
