package io.shareflow.api.web;

import java.util.Objects;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Where the caller's JWT comes from: the {@code Authorization: Bearer} header everywhere (a malformed header is a
 * 401, as always), and, only on the recipient's pages ({@code /s/**}) and {@code GET /v1/links/{token}}, also the
 * {@value #COOKIE} cookie the platform's sign-in sets (the same JWT). The header wins when both are sent.
 *
 * <p>A cookie that is not a valid token (expired, badly signed, garbage) makes the request anonymous rather than a
 * 401: a person with a stale cookie still sees the page (and is asked to sign in again when the share needs it).
 * Everywhere else the cookie is ignored, so the API has no CSRF surface.
 */
public final class SessionCookieBearerTokenResolver implements BearerTokenResolver {

    /** The sign-in cookie: the bearer JWT, set by the platform's sign-in ({@code HttpOnly}, {@code SameSite=Lax}). */
    public static final String COOKIE = "shareflow_session";

    /** The requests on which {@link #COOKIE} signs the caller in. */
    public static final RequestMatcher COOKIE_PATHS = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/s/**"),
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/v1/links/*"));

    private final DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
    private final JwtDecoder decoder;

    /** @param decoder the service's decoder, to tell a valid cookie from one to ignore; not null */
    public SessionCookieBearerTokenResolver(JwtDecoder decoder) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    @Override
    public String resolve(HttpServletRequest request) {
        String fromHeader = header.resolve(request);
        if (fromHeader != null || !COOKIE_PATHS.matches(request)) {
            return fromHeader;
        }
        String cookie = cookie(request);
        if (cookie == null || cookie.isBlank()) {
            return null;
        }
        try {
            decoder.decode(cookie);
            return cookie;
        } catch (JwtException e) {
            return null;
        }
    }

    private static String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
