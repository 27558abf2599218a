package io.shareflow.api.opening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.shareflow.api.support.Caller;
import io.shareflow.testsupport.SecretScanner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * No log line carries a link token, at any level: the web, security, servlet container, JDBC and share-api loggers
 * at TRACE while shares are made, opened and refused, and error paths are provoked, and an error is logged with an
 * exception (its message and cause naming the link paths) as {@code log.error("…", exception)}; then the whole console
 * output is scanned for the tokens in every form {@link SecretScanner} knows. The net is service-support's log masking
 * ({@code shareflow.logging.masked-paths: s, v1/links}).
 */
@ExtendWith(OutputCaptureExtension.class)
class NoTokenInLogsIT extends OpeningIntegrationSupport {

    private static final List<String> LOUD = List.of("org.springframework.web", "org.springframework.security",
            "org.springframework.jdbc", "org.apache.catalina", "org.apache.coyote", "org.apache.tomcat",
            "io.shareflow");

    private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
    private final Caller sharer = Caller.sharer();

    @BeforeEach
    void loud() {
        LOUD.forEach(logger -> logging.setLogLevel(logger, LogLevel.TRACE));
    }

    @AfterEach
    void quiet() {
        LOUD.forEach(logger -> logging.setLogLevel(logger, null));
    }

    @Test
    void noLogLineAtAnyLevelCarriesAToken(CapturedOutput output) {
        Shared direct = shareWith(sharer, createDocument(sharer), newAddress("logged"));
        Shared password = link(sharer, createDocument(sharer), Map.of("audience", "password", "password", "pass word 1"));
        // A hash that is no hash: a warning from the password encoder, a wrong password for the opener.
        jdbc.sql("update share set password_hash = 'broken' where id = ?").param(password.shareId()).update();

        assertThat(open(direct.token(), null).status()).isEqualTo(200);
        assertThat(open(direct.token(), "not-a-jwt").status()).isEqualTo(401);
        assertThat(open(direct.token(), null, Map.of(LinkController.PASSWORD_HEADER, "x".repeat(2000))).status())
                .isEqualTo(400);
        assertThat(openWithPassword(password.token(), "pass word 1").status()).isEqualTo(401);
        assertThat(api.get("/v1/links/" + direct.token() + "/more", null).status()).isIn(401, 404);
        assertThat(api.send("DELETE", "/v1/links/" + direct.token(), sharer.token(), null).status()).isBetween(400, 499);
        assertThat(api.get("/s/" + direct.token(), null).status()).isLessThan(500);
        assertThat(api.get("/v1/shares/" + direct.shareId(), sharer.token()).status()).isEqualTo(200);
        // An explicit throwable without arguments: its message and cause are masked too.
        LoggerFactory.getLogger(NoTokenInLogsIT.class).error("Opening failed (test)", new IllegalStateException(
                "GET /v1/links/" + direct.token() + " failed", new RuntimeException("page /s/" + password.token())));

        String logged = output.getAll();
        assertThat(logged).as("the loggers were loud").contains("/v1/links/…");
        assertThat(logged).contains("GET /v1/links/…").contains("/s/…").contains("Opening failed (test)")
                .contains("GET /v1/links/… failed").contains("page /s/…");
        SecretScanner scanner = new SecretScanner(Map.of("the direct share's token", direct.token(),
                "the password link's token", password.token()));
        assertThat(scanner.findIn("the console output", logged)).isEmpty();
    }
}
