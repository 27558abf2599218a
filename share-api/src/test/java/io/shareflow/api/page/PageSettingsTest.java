package io.shareflow.api.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Where the page sends a person to sign in, and the address it gives to come back to. */
class PageSettingsTest {

    private static final String TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde";

    @Test
    void theSignInLinkCarriesThePagesOwnAddressEncoded() {
        PageSettings settings = new PageSettings("https://share.example.test/", "https://platform.example/login?app=share",
                Duration.ofMinutes(30));
        assertThat(settings.pageUrl(TOKEN)).isEqualTo("https://share.example.test/s/" + TOKEN);
        assertThat(settings.signInUrlFor(TOKEN)).isEqualTo("https://platform.example/login?app=share&returnTo="
                + "https://share.example.test/s/" + TOKEN);
    }

    @Test
    void aReturnAddressWithCharactersToEscapeIsEncoded() {
        PageSettings settings = new PageSettings("http://localhost:8080/base path", "http://localhost:8083/sign-in",
                Duration.ofMinutes(30));
        assertThat(settings.signInUrlFor(TOKEN))
                .isEqualTo("http://localhost:8083/sign-in?returnTo=http://localhost:8080/base%20path/s/" + TOKEN);
    }

    @Test
    void withoutASignInUrlThereIsNoLink() {
        assertThat(new PageSettings("http://localhost:8080", null, Duration.ofMinutes(30)).signInUrlFor(TOKEN)).isNull();
        assertThat(new PageSettings("http://localhost:8080", " ", Duration.ofMinutes(30)).signInUrlFor(TOKEN)).isNull();
    }
}
