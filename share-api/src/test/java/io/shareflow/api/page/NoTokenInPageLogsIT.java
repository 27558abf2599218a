package io.shareflow.api.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shareflow.api.ShareApiIntegrationSupport;
import io.shareflow.api.support.Caller;
import io.shareflow.testsupport.HttpTestClient.Response;
import io.shareflow.testsupport.SecretScanner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The pages log no link token at any level (the web, security, servlet container, Thymeleaf and share-api loggers
 * at TRACE), and no password given in the form at any level of Spring, Thymeleaf and share-api, while pages are
 * shown, the form is sent wrong, right and forged, the proof cookie reopens the page, and the sign-in prompt links
 * out with the page's address.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoTokenInPageLogsIT extends ShareApiIntegrationSupport {

    /** Everything, Tomcat's internals included. */
    private static final List<String> LOUD = List.of("org.springframework.web", "org.springframework.security",
            "org.apache.catalina", "org.apache.coyote", "org.apache.tomcat", "org.thymeleaf", "io.shareflow");
    /**
     * All but Tomcat's internals, which at DEBUG print the bytes of each request as received (a form's password, a
     * JSON body's): a password is only as safe as the log level of the servlet container's internals.
     */
    private static final List<String> LOUD_ABOVE_TOMCAT = List.of("org.springframework", "org.thymeleaf", "io.shareflow");
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String PASSWORD = "pagelog-password-1";
    private static final String WRONG = "pagelog-wrong-guess";

    private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
    private final Caller sharer = Caller.sharer();

    @AfterEach
    void quiet() {
        LOUD.forEach(logger -> logging.setLogLevel(logger, null));
        LOUD_ABOVE_TOMCAT.forEach(logger -> logging.setLogLevel(logger, null));
    }

    @Test
    void noPageLogsAToken(CapturedOutput output) {
        String password = link(Map.of("audience", "password", "password", PASSWORD));
        String organization = link(Map.of("audience", "organization"));
        LOUD.forEach(logger -> logging.setLogLevel(logger, LogLevel.TRACE));

        walkThePages(password, organization);

        String logged = output.getAll();
        assertThat(logged).as("the loggers were loud").contains("/s/…").contains("Received [");
        SecretScanner scanner = new SecretScanner(Map.of("the password link's token", password,
                "the organization link's token", organization));
        assertThat(scanner.findIn("the console output", logged)).isEmpty();
    }

    @Test
    void noPageLogsAPassword(CapturedOutput output) {
        String password = link(Map.of("audience", "password", "password", PASSWORD));
        String organization = link(Map.of("audience", "organization"));
        LOUD_ABOVE_TOMCAT.forEach(logger -> logging.setLogLevel(logger, LogLevel.TRACE));

        walkThePages(password, organization);

        String logged = output.getAll();
        assertThat(logged).as("the loggers were loud").contains("/s/…").contains("HandlerMethod");
        SecretScanner scanner = new SecretScanner(Map.of("the password", PASSWORD, "the wrong password", WRONG));
        assertThat(scanner.findIn("the console output", logged)).isEmpty();
    }

    /** The password form shown, sent wrong, right and forged; the sign-in prompt; an unknown token. */
    private void walkThePages(String password, String organization) {
        Response form = page(password);
        assertThat(form.status()).isEqualTo(401);
        String cookie = form.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(PageSecurityConfiguration.CSRF_COOKIE + "=")).findFirst().orElseThrow();
        cookie = cookie.substring(0, cookie.indexOf(';'));
        Matcher field = CSRF_FIELD.matcher(form.body());
        assertThat(field.find()).isTrue();
        assertThat(post(password, WRONG, cookie, field.group(1)).status()).isEqualTo(401);
        Response right = post(password, PASSWORD, cookie, field.group(1));
        assertThat(right.status()).isEqualTo(303);
        String proof = right.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(PasswordProofs.COOKIE + "=")).findFirst().orElseThrow();
        assertThat(api.send("GET", "/s/" + password, null, null,
                Map.of("Cookie", proof.substring(0, proof.indexOf(';')))).status()).isEqualTo(200);
        assertThat(post(password, WRONG, "", "forged").status()).isEqualTo(403);
        assertThat(page(organization).status()).isEqualTo(401);
        assertThat(page(organization + "x").status()).isEqualTo(404);
    }

    private String link(Map<String, ?> body) {
        Response created = api.post("/v1/shares/" + createDocument(sharer) + "/links", sharer.token(), body);
        assertThat(created.status()).isEqualTo(201);
        String url = created.data().get("url").asString();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private Response page(String token) {
        return api.send("GET", "/s/" + token, null, null, Map.of("Accept", "text/html"));
    }

    private Response post(String token, String password, String cookie, String csrf) {
        return api.send("POST", "/s/" + token, null, "password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                        + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8),
                cookie.isEmpty() ? Map.of("Content-Type", "application/x-www-form-urlencoded")
                        : Map.of("Content-Type", "application/x-www-form-urlencoded", "Cookie", cookie));
    }
}
