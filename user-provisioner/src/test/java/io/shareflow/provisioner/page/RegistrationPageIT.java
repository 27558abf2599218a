package io.shareflow.provisioner.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shareflow.domain.EmailAddress;
import io.shareflow.provisioner.registration.RegistrationTokenIssuer;
import io.shareflow.provisioner.registration.model.RegistrationToken;
import io.shareflow.provisioner.support.IntegrationTestSupport;
import io.shareflow.provisioner.user.Users;
import io.shareflow.provisioner.user.model.User;
import io.shareflow.testsupport.EventFixtures;
import io.shareflow.testsupport.HttpTestClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registration page over HTTP: the form and its CSRF protection, the headers of a page, each outcome's page and
 * status, the form shown again for a refused name or password (never with the password), escaping, and that a
 * success leaves the link used. The same use case as the API, so the API's own tests cover the rules in depth.
 */
class RegistrationPageIT extends IntegrationTestSupport {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String PASSWORD = "a long and secret phrase";

    @Autowired
    private Users users;
    @Autowired
    private RegistrationTokenIssuer issuer;
    @Autowired
    private TransactionTemplate transactions;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private Clock clock;

    private User invited;

    @BeforeEach
    void invitedUser() {
        UUID organization = createOrganization("Registration page " + UUID.randomUUID());
        invited = User.invited(organization, EmailAddress.of(EventFixtures.newEmail("page")), clock.instant());
        transactions.executeWithoutResult(tx -> assertThat(users.insertIfEmailFree(invited)).isTrue());
    }

    @Test
    void theFormShowsTheAccountAndTheRulesWithThePageHeadersAndACsrfCookie() {
        String token = issueToken();

        Response form = page(token);

        assertThat(form.status()).as(form.toString()).isEqualTo(200);
        assertThat(form.header("Content-Type")).startsWith("text/html");
        assertThat(form.body()).contains("id=\"register-form\"").contains(invited.email().value())
                .contains("at least <span>8</span> characters").contains("at most <span>72</span> bytes")
                .contains("not your e-mail address")
                .contains("name=\"displayName\"").contains("name=\"password\"").contains("name=\"passwordAgain\"")
                .contains("action=\"/register/" + token + "\"");
        assertPageHeaders(form);
        Csrf.of(form);
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefusedAndRegistersNobody() {
        String token = issueToken();
        Csrf csrf = Csrf.of(page(token));

        Response noToken = send(token, "displayName=Ivy&password=" + encode(PASSWORD) + "&passwordAgain="
                + encode(PASSWORD), csrf.cookie());
        Response noCookie = send(token, form("Ivy", PASSWORD, PASSWORD, csrf.field()), null);
        Response otherToken = send(token, form("Ivy", PASSWORD, PASSWORD, "x" + csrf.field()), csrf.cookie());

        for (Response refused : new Response[] {noToken, noCookie, otherToken}) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.body()).contains("This form has expired");
        }
        assertThat(users.findById(invited.id()).orElseThrow().isActive()).isFalse();
        assertThat(page(token).status()).isEqualTo(200);
    }

    @Test
    void differingPasswordsOrABrokenRuleShowTheFormAgainWithoutThePassword() {
        String token = issueToken();
        Csrf csrf = Csrf.of(page(token));

        Response differ = send(token, form("<b>Ivy</b>", PASSWORD, PASSWORD + "!", csrf.field()), csrf.cookie());
        assertThat(differ.status()).isEqualTo(400);
        assertThat(differ.body()).contains("id=\"register-form\"").contains("The two passwords differ")
                .contains("value=\"&lt;b&gt;Ivy&lt;/b&gt;\"").doesNotContain("<b>Ivy</b>").doesNotContain(PASSWORD);
        assertPageHeaders(differ);

        Response shortOne = send(token, form("Ivy", "short", "short", csrf.field()), csrf.cookie());
        assertThat(shortOne.status()).isEqualTo(400);
        assertThat(shortOne.body()).contains("The password must be at least 8 characters long.")
                .doesNotContain("value=\"short\"");

        String email = invited.email().value().toUpperCase();
        Response theEmail = send(token, form("Ivy", email, email, csrf.field()), csrf.cookie());
        assertThat(theEmail.status()).isEqualTo(400);
        assertThat(theEmail.body()).contains("The password must not be your e-mail address.").doesNotContain(email);

        Response noName = send(token, form("  ", PASSWORD, PASSWORD, csrf.field()), csrf.cookie());
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.body()).contains("Your name must not be blank.").doesNotContain(PASSWORD);

        assertThat(users.findById(invited.id()).orElseThrow().isActive()).isFalse();
    }

    @Test
    void aGoodFormRegistersOnceAndTheSuccessPageLinksToTheSignIn() {
        String token = issueToken();
        Csrf csrf = Csrf.of(page(token));

        Response done = send(token, form("<script>alert(1)</script> Ivy", PASSWORD, PASSWORD, csrf.field()),
                csrf.cookie());

        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.body()).contains("id=\"register-done\"").contains("href=\"" + SIGN_IN_URL + "\"")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; Ivy").doesNotContain("<script>")
                .doesNotContain(PASSWORD);
        assertPageHeaders(done);
        User active = users.findById(invited.id()).orElseThrow();
        assertThat(active.isActive()).isTrue();
        assertThat(active.displayName()).isEqualTo("<script>alert(1)</script> Ivy");

        Response again = page(token);
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.body()).contains("id=\"register-used\"").doesNotContain("name=\"password\"");
        Response resent = send(token, form("Mallory", PASSWORD, PASSWORD, csrf.field()), csrf.cookie());
        assertThat(resent.status()).isEqualTo(410);
        assertThat(resent.body()).contains("id=\"register-used\"");
        assertThat(users.findById(invited.id()).orElseThrow().displayName()).isEqualTo(active.displayName());
    }

    @Test
    void unknownReplacedAndExpiredLinksHaveTheirOwnPages() {
        Response unknown = page("x".repeat(43));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("id=\"register-unknown\"");
        assertPageHeaders(unknown);
        assertThat(page("x".repeat(400)).status()).isEqualTo(404);

        String first = issueToken();
        String second = issueToken();
        Response replaced = page(first);
        assertThat(replaced.status()).isEqualTo(410);
        assertThat(replaced.body()).contains("id=\"register-superseded\"");

        jdbc.sql("update registration_token set expires_at = now() - interval '1 minute' where token_hash = :hash")
                .param("hash", RegistrationToken.hashOf(second)).update();
        Response expired = page(second);
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.body()).contains("id=\"register-expired\"");
        assertPageHeaders(expired);
    }

    @Test
    void aLinkWithTooManyFailedUsesIsLockedOutWithRetryAfter() {
        String token = issueToken();
        Csrf csrf = Csrf.of(page(token));
        for (int i = 0; i < 9; i++) {
            Response refused = send(token, form("Ivy", "short", "short", csrf.field()), csrf.cookie());
            assertThat(refused.status()).as("attempt %d", i + 1).isEqualTo(400);
        }
        // The tenth refusal locks the link: the page says so at once instead of a form that cannot be sent.
        Response tenth = send(token, form("Ivy", "short", "short", csrf.field()), csrf.cookie());
        assertThat(tenth.status()).isEqualTo(429);
        assertThat(tenth.body()).contains("id=\"register-locked-out\"");

        Response locked = page(token);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.body()).contains("id=\"register-locked-out\"").contains("Try again in");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isPositive();
        assertPageHeaders(locked);

        Response lockedPost = send(token, form("Ivy", PASSWORD, PASSWORD, csrf.field()), csrf.cookie());
        assertThat(lockedPost.status()).isEqualTo(429);
        assertThat(lockedPost.body()).contains("id=\"register-locked-out\"");
        assertThat(users.findById(invited.id()).orElseThrow().isActive()).isFalse();
    }

    @Test
    void theApiStaysWithoutCsrfAndWithoutCookies() {
        String token = issueToken();

        Response api = http.post("/v1/registrations/" + token, null, Map.of("displayName", "Ivy", "password", PASSWORD));

        assertThat(api.status()).as(api.toString()).isEqualTo(200);
        assertThat(api.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(api.header("Content-Security-Policy")).isNull();
    }

    // --- helpers

    private static void assertPageHeaders(Response page) {
        assertThat(page.header("Content-Security-Policy"))
                .isEqualTo(RegistrationPageSecurityConfiguration.CONTENT_SECURITY_POLICY);
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("X-Robots-Tag")).isEqualTo("noindex, nofollow");
        assertThat(page.header("Cache-Control")).contains("no-store");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
    }

    private record Csrf(String cookie, String field) {
        static Csrf of(Response form) {
            String cookie = form.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith(RegistrationPageSecurityConfiguration.CSRF_COOKIE + "=")).findFirst()
                    .orElseThrow();
            assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/register");
            Matcher field = CSRF_FIELD.matcher(form.body());
            assertThat(field.find()).as("the form carries a CSRF token").isTrue();
            return new Csrf(cookie.substring(0, cookie.indexOf(';')), field.group(1));
        }
    }

    private Response page(String token) {
        return http.send("GET", "/register/" + token, null, null, Map.of("Accept", "text/html"));
    }

    private Response send(String token, String body, String cookie) {
        Map<String, String> headers = cookie == null
                ? Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html")
                : Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html", "Cookie", cookie);
        return http.send("POST", "/register/" + token, null, body, headers);
    }

    private static String form(String name, String password, String again, String csrf) {
        return "displayName=" + encode(name) + "&password=" + encode(password) + "&passwordAgain=" + encode(again)
                + "&_csrf=" + encode(csrf);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String issueToken() {
        return transactions.execute(tx -> issuer.issueFor(invited)).token();
    }
}
