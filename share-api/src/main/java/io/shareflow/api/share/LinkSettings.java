package io.shareflow.api.share;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How share URLs are built, prefix {@code shareflow.links}.
 *
 * @param baseUrl where this service is reachable for recipients (env {@code SHAREFLOW_LINKS_BASE_URL})
 */
@ConfigurationProperties("shareflow.links")
record LinkSettings(@DefaultValue("http://localhost:8080") String baseUrl) {

    /** The URL a recipient clicks: {@code {baseUrl}/s/{token}}. */
    String urlOf(String token) {
        return baseUrl.replaceAll("/+$", "") + "/s/" + token;
    }
}
