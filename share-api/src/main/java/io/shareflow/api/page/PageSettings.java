package io.shareflow.api.page;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The recipient's page, prefix {@code shareflow.links} (the same prefix as the links it serves).
 *
 * @param baseUrl          where recipients reach this service ({@code SHAREFLOW_LINKS_BASE_URL}); the page's own
 *                         address, handed to the sign-in as {@code returnTo}, is {@code {baseUrl}/s/{token}}
 * @param signInUrl        the platform's sign-in page ({@code SHAREFLOW_LINKS_SIGN_IN_URL}); the page links to it
 *                         with {@code ?returnTo=<the page's address>} when a share needs a signed-in person. Unset:
 *                         the page only says to sign in to the platform and open the link again
 * @param passwordProofTtl how long a correct password is remembered by the browser that gave it (a cookie bound to
 *                         the link, scoped to its page): reloads within it do not ask again
 */
@ConfigurationProperties("shareflow.links")
record PageSettings(@DefaultValue("http://localhost:8080") String baseUrl, String signInUrl,
                    @DefaultValue("30m") Duration passwordProofTtl) {

    /** {@code {baseUrl}/s/{token}}. */
    String pageUrl(String token) {
        return baseUrl.replaceAll("/+$", "") + "/s/" + token;
    }

    /** The sign-in page with {@code returnTo} = this share's page; null without a sign-in URL. */
    String signInUrlFor(String token) {
        if (signInUrl == null || signInUrl.isBlank()) {
            return null;
        }
        return UriComponentsBuilder.fromUriString(signInUrl.strip())
                .queryParam("returnTo", pageUrl(token))
                .encode()
                .toUriString();
    }
}
