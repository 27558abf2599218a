package io.shareflow.provisioner.page;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

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
 * The registration page ({@code /register/**}) has a filter chain of its own, before the API's — share-api's
 * recipient page chain, the same way: every request let through (the token in the path is the credential, and
 * {@code RegistrationService} decides), and, unlike the API, CSRF protection: the form is a POST a browser sends.
 * The CSRF token lives in a cookie of its own ({@code shareflow_csrf}, {@code HttpOnly}, {@code SameSite=Strict},
 * {@code Path=/register}) and in the form (double submit, XOR-masked per response): no server session.
 *
 * <p>Every answer carries the page headers of DESIGN.md: a strict {@code Content-Security-Policy} (nothing but the
 * page's own stylesheet; forms only to itself; never framed), {@code Referrer-Policy: no-referrer} (the token in the
 * address must not travel), {@code X-Robots-Tag: noindex} and {@code Cache-Control: no-store}. The API's chain
 * ({@code /v1/**}) stays stateless and without CSRF.
 */
@Configuration(proxyBeanMethods = false)
class RegistrationPageSecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    static final String CSRF_COOKIE = "shareflow_csrf";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain registrationPage(HttpSecurity http) throws Exception {
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieName(CSRF_COOKIE);
        csrfTokens.setCookiePath("/register");
        csrfTokens.setCookieCustomizer(cookie -> cookie.httpOnly(true).sameSite("Strict"));
        http.securityMatcher("/register/**");
        ShareflowSecurity.apply(http)
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(formExpired()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(policy -> policy.policy(ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(new StaticHeadersWriter("X-Robots-Tag", "noindex, nofollow")))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return http.build();
    }

    /** Every request is permitted here, so the only refusal left is a POST without the right CSRF token: a page. */
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
                <link rel="stylesheet" href="/register/assets/page.css"></head>
                <body><main class="card" id="register-form-expired">
                <h1>This form has expired</h1>
                <p>Go back, reload the page and try again.</p>
                </main></body></html>
                """.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
