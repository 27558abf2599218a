package io.shareflow.provisioner;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import io.shareflow.events.RecipientProvisioned;
import io.shareflow.events.ShareRequested;
import io.shareflow.provisioner.support.IntegrationTestSupport;
import io.shareflow.schemas.Topics;
import io.shareflow.testsupport.EventFixtures;
import io.shareflow.testsupport.SecretScanner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * No registration token and no password reaches a log line, at any level: with the framework's request, security,
 * Tomcat and JDBC loggers at TRACE or DEBUG, a whole registration story (provisioning, re-invite, refused and accepted
 * registrations, unknown tokens, a malformed body, sign-in checks right and wrong) leaves none of the tokens it saw and
 * none of the passwords it sent in the captured lines — messages and exceptions alike; the paths show as
 * {@code /v1/registrations/…}. The registration page's story (the form, refused forms, a forged CSRF token, an
 * unknown token, the registration, the used link) likewise, with Thymeleaf's loggers too; its paths show as
 * {@code /register/…}.
 */
class SecretsNotLoggedIT extends IntegrationTestSupport {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> VERBOSE = List.of("org.springframework.web", "org.springframework.security",
            "org.springframework.jdbc", "org.springframework.transaction", "org.apache.catalina", "org.apache.coyote",
            "org.apache.tomcat", "io.shareflow", "org.flywaydb", "com.zaxxer", "org.thymeleaf");

    private final List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Level> levels = new HashMap<>();
    private final Map<java.util.logging.Logger, java.util.logging.Level> julLevels = new HashMap<>();
    private AppenderBase<ILoggingEvent> capture;

    @BeforeEach
    void captureEverything() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertThat(context.getTurboFilterList()).as("the service's log masking (shareflow.logging.masked-paths)")
                .anyMatch(filter -> filter.getClass().getSimpleName().equals("SecretPathMaskingTurboFilter"));
        capture = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                String thrown = event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy());
                lines.add(event.getLevel() + " " + event.getLoggerName() + " " + event.getFormattedMessage() + " "
                        + event.getMDCPropertyMap() + " " + thrown);
            }
        };
        capture.setContext(context);
        capture.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(capture);
        for (String name : VERBOSE) {
            Logger logger = context.getLogger(name);
            levels.put(name, logger.getLevel());
            logger.setLevel(name.startsWith("org.apache") || name.equals("com.zaxxer") ? Level.DEBUG : Level.TRACE);
            // Tomcat logs through java.util.logging (bridged to SLF4J): its levels are set there.
            // The map holds the loggers strongly: java.util.logging forgets the level of a logger nobody holds.
            java.util.logging.Logger jul = java.util.logging.Logger.getLogger(name);
            julLevels.put(jul, jul.getLevel());
            jul.setLevel(java.util.logging.Level.FINE);
        }
    }

    @AfterEach
    void restore() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        levels.forEach((name, level) -> context.getLogger(name).setLevel(level));
        julLevels.forEach(java.util.logging.Logger::setLevel);
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(capture);
        capture.stop();
    }

    @Test
    void noTokenNorPasswordInAnyLogLine() {
        UUID organization = createOrganization("Logs " + UUID.randomUUID());
        String email = EventFixtures.newEmail("logged");
        ShareRequested share = EventFixtures.shareRequested(organization, email);
        KAFKA_CLIENT.send(Topics.SHARE_EVENTS, share.getShareId().toString(), share);
        UUID userId = ((RecipientProvisioned) KAFKA_CLIENT.eventsUntil(Topics.SHARE_PROVISIONING,
                share.getShareId().toString(), events -> events.stream().anyMatch(RecipientProvisioned.class::isInstance))
                .get(0)).getUserId();
        String first = tokenOf(registrationLinks(userId, links -> !links.isEmpty()).get(0));
        assertThat(http.post("/v1/users/" + userId + "/invitations", adminToken(), null).status()).isEqualTo(202);
        String second = tokenOf(registrationLinks(userId, links -> links.size() == 2).get(1));

        String password = secret();
        String tooLong = secret() + "y".repeat(60);
        String malformed = secret();
        String wrong = secret();
        assertThat(register(first, password).status()).as("replaced").isEqualTo(410);
        assertThat(register(second, tooLong).status()).isEqualTo(400);
        assertThat(register(second, email).status()).isEqualTo(400);
        assertThat(http.post("/v1/registrations/" + second, null,
                "{\"displayName\": \"Lou\", \"password\": \"" + malformed + "\"").status()).isEqualTo(400);
        assertThat(http.post("/v1/registrations/" + second, null,
                "{\"displayName\": \"Lou\", \"password\": [\"" + malformed + "\"]}").status()).isEqualTo(400);
        String unknown = secret() + secret();
        assertThat(register(unknown, password).status()).isEqualTo(404);
        assertThat(register(second, password).status()).isEqualTo(200);
        assertThat(http.post("/v1/authentications", adminToken(), Map.of("email", email, "password", password))
                .status()).isEqualTo(200);
        assertThat(http.post("/v1/authentications", adminToken(), Map.of("email", email, "password", wrong))
                .status()).isEqualTo(401);
        assertThat(http.post("/v1/authentications", adminToken(),
                "{\"email\": \"" + email + "\", \"password\": " + "\"" + malformed + "\" ").status()).isEqualTo(400);

        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("the first token", first);
        secrets.put("the re-invite's token", second);
        secrets.put("an unknown token", unknown);
        secrets.put("the password", password);
        secrets.put("a password too long", tooLong);
        secrets.put("a password in a malformed body", malformed);
        secrets.put("a wrong password", wrong);
        List<String> captured;
        synchronized (lines) {
            captured = List.copyOf(lines);
        }
        // The capture would have seen them: the request lines of those paths are there, cut.
        assertThat(captured).anyMatch(line -> line.contains("/v1/registrations/…"));
        assertThat(captured).anyMatch(line -> line.contains("/v1/authentications"));
        SecretScanner scanner = new SecretScanner(secrets);
        for (int i = 0; i < captured.size(); i++) {
            scanner.scan("log line " + i + ": " + abbreviate(captured.get(i)), captured.get(i));
        }
        assertThat(scanner.items()).isGreaterThan(50);
        assertThat(scanner.findings()).as("secrets in %d log lines", captured.size()).isEmpty();
    }

    @Test
    void theRegistrationPageLogsNoTokenNorPassword() {
        UUID organization = createOrganization("Page logs " + UUID.randomUUID());
        String email = EventFixtures.newEmail("page-logged");
        ShareRequested share = EventFixtures.shareRequested(organization, email);
        KAFKA_CLIENT.send(Topics.SHARE_EVENTS, share.getShareId().toString(), share);
        UUID userId = ((RecipientProvisioned) KAFKA_CLIENT.eventsUntil(Topics.SHARE_PROVISIONING,
                share.getShareId().toString(), events -> events.stream().anyMatch(RecipientProvisioned.class::isInstance))
                .get(0)).getUserId();
        String token = tokenOf(registrationLinks(userId, links -> !links.isEmpty()).get(0));
        String password = secret();
        String differing = secret();
        String tooLong = secret() + "z".repeat(60);
        String unknown = secret() + secret();

        var form = http.send("GET", "/register/" + token, null, null, Map.of("Accept", "text/html"));
        assertThat(form.status()).isEqualTo(200);
        String cookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("shareflow_csrf="))
                .findFirst().orElseThrow();
        cookie = cookie.substring(0, cookie.indexOf(';'));
        java.util.regex.Matcher field = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(form.body());
        assertThat(field.find()).isTrue();
        String csrf = field.group(1);
        assertThat(postForm(token, password, differing, csrf, cookie).status()).isEqualTo(400);
        assertThat(postForm(token, tooLong, tooLong, csrf, cookie).status()).isEqualTo(400);
        assertThat(postForm(token, password, password, "not-" + csrf, cookie).status()).isEqualTo(403);
        assertThat(postForm(unknown, password, password, csrf, cookie).status()).isEqualTo(404);
        assertThat(postForm(token, password, password, csrf, cookie).status()).isEqualTo(200);
        assertThat(http.send("GET", "/register/" + token, null, null, Map.of("Accept", "text/html")).status())
                .isEqualTo(410);

        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("the token", token);
        secrets.put("an unknown token", unknown);
        secrets.put("the password", password);
        secrets.put("a differing password", differing);
        secrets.put("a password too long", tooLong);
        List<String> captured;
        synchronized (lines) {
            captured = List.copyOf(lines);
        }
        assertThat(captured).anyMatch(line -> line.contains("/register/…"));
        SecretScanner scanner = new SecretScanner(secrets);
        for (int i = 0; i < captured.size(); i++) {
            scanner.scan("log line " + i + ": " + abbreviate(captured.get(i)), captured.get(i));
        }
        assertThat(scanner.items()).isGreaterThan(50);
        assertThat(scanner.findings()).as("secrets in %d log lines", captured.size()).isEmpty();
    }

    private io.shareflow.testsupport.HttpTestClient.Response postForm(String token, String password, String again,
                                                                      String csrf, String cookie) {
        String body = "displayName=Lou+Logged&password=" + encode(password) + "&passwordAgain=" + encode(again)
                + "&_csrf=" + encode(csrf);
        return http.send("POST", "/register/" + token, null, body, Map.of("Accept", "text/html",
                "Content-Type", "application/x-www-form-urlencoded", "Cookie", cookie));
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private io.shareflow.testsupport.HttpTestClient.Response register(String token, String password) {
        return http.post("/v1/registrations/" + token, null, Map.of("displayName", "Lou Logged", "password", password));
    }

    private static String abbreviate(String line) {
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    private static String secret() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
