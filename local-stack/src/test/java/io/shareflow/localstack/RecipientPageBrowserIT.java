package io.shareflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.sun.net.httpserver.HttpServer;
import io.shareflow.embedded.mail.CapturedMessage;
import io.shareflow.localstack.RestCalls.Response;
import io.shareflow.testsupport.Browser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a person sees, in a real (headless) Chromium, on the whole system as local-stack runs it: the invitation
 * e-mail's link, the password flow and its lockout, the sign-in prompt and the dev sign-in page, an expired link, a
 * revoked one, a folder's items, a hostile name, and that the page cannot be framed. A screenshot of each page lands in
 * {@code target/screenshots/RecipientPageBrowserIT/}. The stack is {@link SharedLocalStack shared}.
 */
@ExtendWith(SharedLocalStack.class)
class RecipientPageBrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final String PASSWORD = "A320 hangar 7";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static LocalStack stack;
    private static String alice;

    @BeforeAll
    static void useTheWholeSystem(LocalStack running) {
        stack = running;
        alice = stack.demo().aliceToken(stack.settings().jwtTokens());
    }

    @Test
    void aNewRecipientClicksTheLinkInTheInvitationAndSeesTheDocument() {
        String recipient = "reader." + UUID.randomUUID() + "@example.com";
        Response accepted = RestCalls.post(api("/v1/shares/" + stack.demo().maintenanceLogId()), alice,
                Map.of("recipientEmail", recipient, "message", "The A320 log, as promised."));
        assertThat(accepted.status()).isEqualTo(202);
        String url = accepted.data().path("shares").get(0).path("url").asText();

        CapturedMessage mail = await().atMost(Duration.ofMinutes(1)).until(() -> stack.mail().messages().stream()
                .filter(m -> m.to().contains(recipient)).findFirst(), java.util.Optional::isPresent).orElseThrow();
        browser.open("data:text/html;base64," + Base64.getEncoder().encodeToString(
                mail.html().getBytes(StandardCharsets.UTF_8)), "invitation-email");
        browser.click(By.cssSelector("a[href^='" + stack.settings().shareApiUrl() + "/s/']"), "share-page");

        assertThat(browser.currentUrl()).isEqualTo(url);
        assertThat(browser.text(By.id("resource-name"))).isEqualTo("A320 maintenance log.pdf");
        assertThat(browser.text()).contains("Shared with you by Alice Archer (alice@acme.example)")
                .contains("Viewer — You can view it.").contains("Shared with you personally.");
        assertThat(browser.title()).isEqualTo("A320 maintenance log.pdf — shared with you");
    }

    @Test
    void theBannersLinkShareCurlGivesAUrlThatOpensTheDocumentsPage() {
        String banner = stack.banner(1.0);
        String curl = stack.settings().shareApiUrl() + "/v1/shares/" + stack.demo().maintenanceLogId() + "/links";
        assertThat(banner).contains("curl -s -X POST " + curl).contains(stack.settings().signInUrl());
        String afterCurl = banner.substring(banner.indexOf(curl));
        String body = afterCurl.substring(afterCurl.indexOf("-d '") + 4, afterCurl.indexOf("'\n", afterCurl.indexOf("-d '")));

        Response created = RestCalls.post(curl, alice, JsonMapper.shared().readTree(body));
        assertThat(created.status()).isEqualTo(201);
        browser.open(created.data().path("url").asText(), "link-from-the-banner");
        assertThat(browser.text(By.id("resource-name"))).isEqualTo("A320 maintenance log.pdf");
        assertThat(browser.text()).contains("Anyone who has this link can open it.");
    }

    @Test
    void aPasswordLinkAsksOnceThenRemembersItOnReload() {
        String url = link(stack.demo().maintenanceLogId(), Map.of("audience", "password", "password", PASSWORD));
        browser.open(url, "password-form");
        assertThat(browser.findAll(By.id("page-password"))).hasSize(1);
        assertThat(browser.text()).doesNotContain("A320 maintenance log.pdf");

        browser.type(By.id("password"), "not it at all").click(By.id("open"), "wrong-password");
        assertThat(browser.text(By.id("wrong-password"))).contains("That password is not right");
        assertThat(browser.text()).doesNotContain("A320 maintenance log.pdf");

        browser.type(By.id("password"), PASSWORD).click(By.id("open"), "right-password");
        assertThat(browser.currentUrl()).isEqualTo(url);
        assertThat(browser.text(By.id("resource-name"))).isEqualTo("A320 maintenance log.pdf");

        browser.driver().navigate().refresh();
        browser.screenshot("reloaded");
        assertThat(browser.findAll(By.id("password"))).isEmpty();
        assertThat(browser.text(By.id("resource-name"))).isEqualTo("A320 maintenance log.pdf");
        Cookie proof = browser.driver().manage().getCookieNamed("shareflow_password");
        assertThat(proof.isHttpOnly()).isTrue();
        assertThat(proof.getPath()).isEqualTo(URI.create(url).getPath());
    }

    @Test
    void fiveWrongPasswordsShowTheLockoutPage() {
        String url = link(stack.demo().maintenanceLogId(), Map.of("audience", "password", "password", PASSWORD));
        browser.open(url, "password-form");
        for (int i = 1; i <= 4; i++) {
            browser.type(By.id("password"), "wrong guess " + i).click(By.id("open"), "wrong-" + i);
            assertThat(browser.findAll(By.id("wrong-password"))).hasSize(1);
        }
        browser.type(By.id("password"), "wrong guess 5").click(By.id("open"), "locked-out");
        assertThat(browser.findAll(By.id("page-locked-out"))).hasSize(1);
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Too many wrong passwords");
        assertThat(browser.text(By.id("retry"))).matches("Try again in 1[45] minutes \\(after .+ UTC\\)\\.");

        browser.open(url, "still-locked");
        assertThat(browser.findAll(By.id("page-locked-out"))).hasSize(1);
    }

    @Test
    void anOrganizationLinkAsksToSignInAndOpensAfterTheDevSignIn() {
        String url = link(stack.demo().folderId(), Map.of("audience", "organization", "name", "Fleet folder for the team"));
        browser.open(url, "sign-in-prompt");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Sign in to open this share");
        assertThat(browser.text()).doesNotContain("Fleet maintenance");

        browser.click(By.id("sign-in"), "dev-sign-in");
        assertThat(browser.currentUrl()).startsWith(stack.settings().signInUrl() + "?returnTo=");
        // The page sends no Referer: the sign-in page does not learn the link from it.
        assertThat(((JavascriptExecutor) browser.driver()).executeScript("return document.referrer")).isEqualTo("");
        assertThat(browser.text()).contains("Alice Archer").contains("Carol Cook").contains("Dave Dunn");

        browser.click(By.id("sign-in-carol"), "signed-in-share");
        assertThat(browser.currentUrl()).isEqualTo(url);
        assertThat(browser.text(By.id("resource-name"))).isEqualTo("Fleet maintenance");
        assertThat(browser.text()).contains("Signed in as Carol Cook").contains("A320 maintenance log.pdf")
                .contains("Fleet folder for the team");
        // The cookie the dev sign-in set on localhost:<its port> is the one share-api read on localhost:<its port>.
        Cookie session = browser.driver().manage().getCookieNamed("shareflow_session");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        assertThat(session.getPath()).isEqualTo("/");
    }

    @Test
    void someoneOfAnotherOrganisationIsToldWhomToAsk() {
        String url = link(stack.demo().maintenanceLogId(), Map.of("audience", "organization"));
        browser.open(url, "sign-in-prompt").click(By.id("sign-in"), "dev-sign-in")
                .click(By.id("sign-in-dave"), "outside-audience");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("This share is not for you");
        assertThat(browser.text(By.id("ask-whom")))
                .isEqualTo("Ask Alice Archer (alice@acme.example), who shared it, to share it with you.");
        assertThat(browser.text()).contains("Signed in as Dave Dunn").doesNotContain("A320 maintenance log.pdf");
    }

    @Test
    void anExpiredLinkSaysSo() {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("audience", "anyone"));
        body.put("expiresAt", Instant.now().plusSeconds(2).toString());
        String url = link(stack.demo().maintenanceLogId(), body);
        String token = url.substring(url.lastIndexOf('/') + 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> RestCalls.get(api("/v1/links/" + token), null).status() == 410);

        browser.open(url, "expired");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("This link has expired");
        assertThat(browser.text()).doesNotContain("A320 maintenance log.pdf");
    }

    @Test
    void aRevokedLinkSaysSoAtOnce() throws Exception {
        Response created = RestCalls.post(api("/v1/shares/" + stack.demo().maintenanceLogId() + "/links"), alice,
                Map.of("audience", "anyone"));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        String url = created.data().path("url").asText();
        browser.open(url, "before-revoke");
        assertThat(browser.text(By.id("resource-name"))).isEqualTo("A320 maintenance log.pdf");

        Response revoked = RestCalls.delete(api("/v1/shares/" + created.data().path("shareId").asText()), alice);
        assertThat(revoked.status()).isEqualTo(204);

        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(410);
        browser.open(url, "revoked");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("This share was withdrawn");
        assertThat(browser.text()).contains("has stopped sharing it").doesNotContain("A320 maintenance log.pdf");
    }

    @Test
    void aFolderShowsItsItems() {
        String url = link(stack.demo().folderId(), Map.of("audience", "anyone", "role", "downloader"));
        browser.open(url, "folder");
        assertThat(browser.text(By.id("resource-name"))).isEqualTo("Fleet maintenance");
        assertThat(browser.text(By.tagName("h2"))).isEqualTo("In this folder");
        assertThat(browser.findAll(By.cssSelector("#items tbody tr"))).extracting(row -> row.getText())
                .containsExactly("A320 maintenance log.pdf File · Maintenance file");
        assertThat(browser.text(By.id("role"))).isEqualTo("Downloader — You can view and download it.");
    }

    @Test
    void aHostileNameIsShownAsTextAndThePageCannotBeFramed() throws Exception {
        String hostile = "<img src=x onerror=alert(1)><script>document.title='pwned'</script> & co";
        Response resource = RestCalls.post(api("/v1/resources"), alice,
                Map.of("name", hostile, "kind", "file", "documentType", "asset-document"));
        assertThat(resource.status()).isEqualTo(201);
        String url = link(UUID.fromString(resource.data().path("id").asText()), Map.of("audience", "anyone"));

        browser.open(url, "hostile-name");
        assertThat(browser.text(By.id("resource-name"))).isEqualTo(hostile);
        assertThat(browser.findAll(By.tagName("img"))).isEmpty();
        assertThat(browser.findAll(By.tagName("script"))).isEmpty();
        assertThat(browser.title()).startsWith(hostile);

        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.headers().firstValue("X-Robots-Tag").orElseThrow()).contains("noindex");

        // Framed by another site, the browser refuses to show it (its error page is in the frame instead), while it
        // does show a page that allows framing (the captured mail's) next to it.
        HttpServer anotherSite = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] framing = ("<!DOCTYPE html><title>Another site</title><h1>Another site</h1>"
                + "<iframe id=share width=600 height=300 src=\"" + url + "\"></iframe>"
                + "<iframe id=mail width=600 height=300 src=\"" + stack.settings().mailUrl() + "/\"></iframe>")
                .getBytes(StandardCharsets.UTF_8);
        anotherSite.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, framing.length);
            exchange.getResponseBody().write(framing);
            exchange.close();
        });
        anotherSite.start();
        try {
            browser.driver().get("http://127.0.0.1:" + anotherSite.getAddress().getPort() + "/");
            await().atMost(Duration.ofSeconds(10)).until(() -> frameUrl("share").startsWith("chrome-error:")
                    && frameUrl("mail").startsWith(stack.settings().mailUrl()));
            browser.screenshot("framed");
            browser.driver().switchTo().frame("share");
            assertThat(browser.findAll(By.id("resource-name"))).isEmpty();
            browser.driver().switchTo().defaultContent().switchTo().frame("mail");
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Captured mail");
            browser.driver().switchTo().defaultContent();
        } finally {
            anotherSite.stop(0);
        }
    }

    private static String frameUrl(String frame) {
        try {
            browser.driver().switchTo().frame(frame);
            return String.valueOf(((JavascriptExecutor) browser.driver()).executeScript("return document.URL"));
        } finally {
            browser.driver().switchTo().defaultContent();
        }
    }

    private static String link(UUID resource, Map<String, ?> body) {
        Response created = RestCalls.post(api("/v1/shares/" + resource + "/links"), alice, body);
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        return created.data().path("url").asText();
    }

    private static String api(String path) {
        return stack.settings().shareApiUrl() + path;
    }
}
