package io.shareflow.api.page;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.shareflow.api.web.SessionCookieBearerTokenResolver;
import io.shareflow.support.security.ShareflowSecurity;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * The recipient's pages ({@code /s/**}) have a filter chain of their own, before the API's: the same JWT
 * resource server (a bearer header, or the {@code shareflow_session} cookie, {@link SessionCookieBearerTokenResolver}),
 * every request let through (the opening rules decide what a page shows), and, unlike the API, CSRF protection:
 * the password form is a POST a browser sends with cookies. The CSRF token lives in a cookie of its own
 * ({@code shareflow_csrf}, {@code HttpOnly}, {@code SameSite=Strict}, {@code Path=/s}) and in the form (double
 * submit, XOR-masked per response): no server session, so any instance accepts the form.
 *
 * <p>Every answer of a page carries the headers of DESIGN.md: a strict {@code Content-Security-Policy} (nothing but
 * the page's own stylesheet; forms only to itself; never framed), {@code Referrer-Policy: no-referrer} (the token in
 * the address must not travel to anyone), {@code X-Robots-Tag: noindex} and {@code Cache-Control: no-store}.
 */
@Configuration(proxyBeanMethods = false)
class PageSecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    static final String CSRF_COOKIE = "shareflow_csrf";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain pages(HttpSecurity http, SessionCookieBearerTokenResolver tokens) throws Exception {
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieName(CSRF_COOKIE);
        csrfTokens.setCookiePath("/s");
        csrfTokens.setCookieCustomizer(cookie -> cookie.httpOnly(true).sameSite("Strict"));
        http.securityMatcher("/s/**");
        ShareflowSecurity.apply(http)
                .oauth2ResourceServer(resourceServer -> resourceServer.bearerTokenResolver(tokens))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(formExpired()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(policy -> policy.policy(ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(new StaticHeadersWriter("X-Robots-Tag", "noindex, nofollow")))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return http.build();
    }

    /**
     * Every request is permitted here, so the only refusal left is a POST whose CSRF token is missing or wrong
     * (an old form, or another site's): a page, not the API's JSON.
     */
    private static AccessDeniedHandler formExpired() {
        return (request, response, denied) -> writeFormExpired(response);
    }

    private static void writeFormExpired(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
        byte[] body = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>This form has expired — shareflow</title>
                <link rel="stylesheet" href="/s/assets/page.css"></head>
                <body><main class="card" id="page-form-expired">
                <h1>This form has expired</h1>
                <p>Go back, reload the page and try again.</p>
                </main></body></html>
                """.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
