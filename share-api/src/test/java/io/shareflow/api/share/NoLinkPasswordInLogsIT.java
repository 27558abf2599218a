package io.shareflow.api.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shareflow.api.ShareApiIntegrationSupport;
import io.shareflow.api.support.Caller;
import io.shareflow.testsupport.HttpTestClient.Response;
import io.shareflow.testsupport.SecretScanner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A refused link password is never a "rejected value" in a log line: with Spring (its argument, validation and
 * exception-resolver logging, {@code MethodArgumentNotValidException}'s message among them), Hibernate Validator and
 * share-api at TRACE, passwords too short, too long, for the wrong audience, of the wrong type, in a malformed body
 * and next to another field that Bean Validation refuses are all a 400 (naming {@code password} where it is the
 * password's fault), and the console output holds none of them. The password is {@code LinkRules}' (domain-support's
 * {@code PasswordPolicy}), not Bean Validation's. Tomcat's internals are left quiet: at DEBUG they print the bytes of
 * each request as received, a body's password with them.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoLinkPasswordInLogsIT extends ShareApiIntegrationSupport {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> LOUD = List.of("org.springframework", "org.hibernate.validator", "io.shareflow");

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
    void noRefusedPasswordIsLogged(CapturedOutput output) {
        UUID resource = createDocument(sharer);
        // Too short for SecretScanner (16 characters at least): looked for as they are; 7 random letters and digits
        // do not turn up by chance.
        Map<String, String> shortOnes = Map.of("a password too short", secret(7),
                "a short password next to a name too long", secret(7));
        Map<String, String> passwords = new LinkedHashMap<>();
        passwords.put("a password too long", secret(80));
        passwords.put("a password for another audience", secret(16));
        passwords.put("a password of the wrong type", secret(16));
        passwords.put("a password in a malformed body", secret(16));
        passwords.put("a good password next to an unknown role", secret(16));

        assertRefused(post(resource, "{\"audience\": \"password\", \"password\": \""
                + shortOnes.get("a password too short") + "\"}"), "password");
        assertRefused(post(resource, "{\"audience\": \"password\", \"password\": \""
                + passwords.get("a password too long") + "\"}"), "password");
        assertRefused(post(resource, "{\"audience\": \"anyone\", \"password\": \""
                + passwords.get("a password for another audience") + "\"}"), "password");
        assertRefused(post(resource, "{\"audience\": \"password\", \"password\": [\""
                + passwords.get("a password of the wrong type") + "\"]}"), "password");
        assertThat(post(resource, "{\"audience\": \"password\", \"password\": \""
                + passwords.get("a password in a malformed body") + "\"").status()).isEqualTo(400);
        assertRefused(post(resource, "{\"audience\": \"password\", \"name\": \"" + "n".repeat(300)
                + "\", \"password\": \"" + shortOnes.get("a short password next to a name too long") + "\"}"), "name");
        assertRefused(post(resource, "{\"audience\": \"password\", \"role\": \"owner\", \"password\": \""
                + passwords.get("a good password next to an unknown role") + "\"}"), "role");

        String logged = output.getAll();
        assertThat(logged).as("the loggers were loud").contains("MethodArgumentNotValidException")
                .contains("rejected value").contains("InvalidRequest");
        assertThat(new SecretScanner(passwords).findIn("the console output", logged)).isEmpty();
        shortOnes.forEach((what, password) -> assertThat(logged).as(what).doesNotContain(password));
    }

    private Response post(UUID resource, String body) {
        return api.post("/v1/shares/" + resource + "/links", sharer.token(), body);
    }

    private static void assertRefused(Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.error().get("extension").get("field").asString()).as(response.toString()).isEqualTo(field);
    }

    /** Random letters and digits, {@code length} of them. */
    private static String secret(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).replace("-", "x").replace("_", "y")
                .substring(0, length);
    }
}
