package io.shareflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.shareflow.embedded.mail.CapturedMessage;
import io.shareflow.localstack.RestCalls.Response;
import io.shareflow.testsupport.Browser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * The new recipient's whole way in, in a real (headless) Chromium on local-stack (issue #12): a share with a new
 * address → two e-mails (the invitation and "finish creating your account") → the share's link opens without
 * sign-in → the registration link of the e-mail, the page, a refused form, the account → the share's link now asks
 * to sign in → the dev sign-in with the new password (a wrong one first) → the share's page, signed in as the new
 * user. Then the services' logs of the run are searched for every token and password the test saw. Screenshots in
 * {@code target/screenshots/RegistrationBrowserIT/}. The stack is {@link SharedLocalStack shared}.
 */
@ExtendWith(SharedLocalStack.class)
class RegistrationBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final Pattern LINK = Pattern.compile("href=\"([^\"]+)\"");

    private static LocalStack stack;
    private static String alice;

    @BeforeAll
    static void useTheWholeSystem(LocalStack running) {
        stack = running;
        alice = stack.demo().aliceToken(stack.settings().jwtTokens());
    }

    @Test
    void aNewRecipientRegistersFromTheEmailAndThenSignsInWithTheNewPassword() throws IOException {
        String recipient = "newcomer." + UUID.randomUUID() + "@example.com";
        String password = "Hangar 7 " + UUID.randomUUID().toString().substring(0, 8);
        String wrongPassword = "not my password " + UUID.randomUUID().toString().substring(0, 8);
        List<String> secrets = new ArrayList<>(List.of(password, wrongPassword));

        // Alice shares the maintenance log with an address nobody has registered.
        Response accepted = RestCalls.post(stack.settings().shareApiUrl() + "/v1/shares/"
                + stack.demo().maintenanceLogId(), alice, Map.of("recipientEmail", recipient,
                "message", "The A320 log; make yourself an account."));
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
        String shareUrl = accepted.data().path("shares").get(0).path("url").asText();
        String shareToken = shareUrl.substring(shareUrl.lastIndexOf('/') + 1);
        secrets.add(shareToken);

        // Two e-mails: the invitation (the share's link) and the registration (the registration page's link).
        String registerBase = stack.settings().provisionerUrl() + "/register/";
        List<CapturedMessage> mails = await().atMost(Duration.ofMinutes(1)).until(() -> stack.mail().messages().stream()
                .filter(m -> m.to().contains(recipient)).toList(), found -> found.size() >= 2);
        assertThat(mails).hasSize(2);
        CapturedMessage invitation = mails.stream().filter(m -> m.html().contains(shareUrl)).findFirst().orElseThrow();
        CapturedMessage registration = mails.stream().filter(m -> m.html().contains(registerBase)).findFirst()
                .orElseThrow();
        assertThat(invitation).isNotSameAs(registration);
        String registerUrl = links(registration.html()).stream().filter(l -> l.startsWith(registerBase)).findFirst()
                .orElseThrow();
        String registerToken = registerUrl.substring(registerBase.length());
        assertThat(registerToken).isNotBlank().doesNotContain("/");
        secrets.add(registerToken);

        // Before registering, the share's link alone opens the share.
        browser.open(shareUrl, "share-before-registration");
        assertThat(browser.text(By.id("resource-name"))).isEqualTo("A320 maintenance log.pdf");

        // The registration e-mail's link opens the registration page.
        browser.open("data:text/html;base64," + Base64.getEncoder().encodeToString(
                registration.html().getBytes(StandardCharsets.UTF_8)), "registration-email");
        browser.click(By.cssSelector("a[href^='" + registerBase + "']"), "registration-form");
        assertThat(browser.currentUrl()).isEqualTo(registerUrl);
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Finish creating your account");
        assertThat(browser.text(By.id("account-email"))).isEqualTo(recipient);
        assertThat(browser.text(By.id("rules"))).contains("at least 8 characters").contains("at most 72 bytes")
                .contains("not your e-mail address");

        // Two different passwords: the form again, with the message, the name kept and no password in it.
        browser.type(By.id("displayName"), "Nina Newcomer").type(By.id("password"), password)
                .type(By.id("passwordAgain"), password + "?").click(By.id("register"), "passwords-differ");
        assertThat(browser.text(By.id("form-error"))).contains("The two passwords differ");
        assertThat(browser.driver().findElement(By.id("displayName")).getAttribute("value")).isEqualTo("Nina Newcomer");
        assertThat(browser.driver().findElement(By.id("password")).getAttribute("value")).isEmpty();
        assertThat(browser.driver().getPageSource()).doesNotContain(password);

        browser.type(By.id("password"), password).type(By.id("passwordAgain"), password)
                .click(By.id("register"), "registered");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Your account is ready");
        assertThat(browser.text(By.id("registered-name"))).isEqualTo("Nina Newcomer");
        assertThat(browser.driver().findElement(By.id("sign-in")).getAttribute("href"))
                .isEqualTo(stack.settings().signInUrl());
        Cookie csrf = browser.driver().manage().getCookieNamed("shareflow_csrf");
        if (csrf != null) {
            secrets.add(csrf.getValue());
        }

        // Once share-api has the activation, the share's link alone no longer opens it.
        await().atMost(Duration.ofSeconds(60)).until(() ->
                RestCalls.get(stack.settings().shareApiUrl() + "/v1/links/" + shareToken, null).status() == 401);
        browser.open(shareUrl, "share-asks-sign-in");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Sign in to open this share");
        assertThat(browser.text()).doesNotContain("A320 maintenance log.pdf");

        // The dev sign-in lists the new user; a wrong password is refused, the new one signs in.
        UUID userId = userIdOf(recipient);
        browser.click(By.id("sign-in"), "dev-sign-in");
        assertThat(browser.currentUrl()).startsWith(stack.settings().signInUrl() + "?returnTo=");
        assertThat(browser.text()).contains("Nina Newcomer").contains(recipient).contains("registered recipient");
        browser.type(By.id("password-user-" + userId), wrongPassword)
                .click(By.id("sign-in-user-" + userId), "wrong-password");
        assertThat(browser.text(By.id("sign-in-error"))).contains("That password is not right");
        assertThat(browser.driver().getPageSource()).doesNotContain(wrongPassword);
        assertThat(browser.driver().manage().getCookieNamed("shareflow_session")).isNull();

        browser.type(By.id("password-user-" + userId), password)
                .click(By.id("sign-in-user-" + userId), "signed-in-share");
        assertThat(browser.currentUrl()).isEqualTo(shareUrl);
        assertThat(browser.text(By.id("resource-name"))).isEqualTo("A320 maintenance log.pdf");
        assertThat(browser.text()).contains("Signed in as Nina Newcomer").contains("Shared with you personally.");
        Cookie session = browser.driver().manage().getCookieNamed("shareflow_session");
        assertThat(session).isNotNull();
        secrets.add(session.getValue());
        assertThat(rolesOf(session.getValue())).as("a registered recipient has no role").isEmpty();

        // None of what the test saw reached a service's log.
        assertNoServiceLogContains(secrets);
    }

    private static void assertNoServiceLogContains(List<String> secrets) throws IOException {
        Path logs = stack.settings().dataDir().resolve("logs");
        List<Path> files;
        try (Stream<Path> listed = Files.list(logs)) {
            files = listed.filter(p -> p.getFileName().toString().endsWith(".log")).toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("user-provisioner.log", "share-api.log", "share-notifier.log");
        Map<String, String> contents = new LinkedHashMap<>();
        for (Path file : files) {
            contents.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        }
        // The run did log: the activation reached the provisioner's log (without its secrets).
        assertThat(contents.get("user-provisioner.log")).isNotBlank();
        for (String secret : secrets) {
            contents.forEach((name, text) -> assertThat(text.contains(secret))
                    .as("%s contains a secret the test saw (%d characters)", name, secret.length()).isFalse());
        }
    }

    private static UUID userIdOf(String email) {
        Response users = RestCalls.get(stack.settings().provisionerUrl() + "/v1/users?email="
                + java.net.URLEncoder.encode(email, StandardCharsets.UTF_8), stack.demo().adminToken(stack.settings().jwtTokens()));
        assertThat(users.status()).isEqualTo(200);
        return UUID.fromString(users.data().get(0).path("id").asText());
    }

    private static List<String> rolesOf(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        var claims = tools.jackson.databind.json.JsonMapper.shared().readTree(payload);
        List<String> roles = new ArrayList<>();
        claims.path("roles").forEach(role -> roles.add(role.asText()));
        return roles;
    }

    private static List<String> links(String html) {
        List<String> found = new ArrayList<>();
        Matcher matcher = LINK.matcher(html);
        while (matcher.find()) {
            found.add(matcher.group(1).replace("&amp;", "&"));
        }
        return found;
    }
}
