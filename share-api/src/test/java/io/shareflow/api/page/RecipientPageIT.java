package io.shareflow.api.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shareflow.api.ShareApiIntegrationSupport;
import io.shareflow.api.share.model.LinkToken;
import io.shareflow.api.support.Caller;
import io.shareflow.events.RecipientRejected;
import io.shareflow.schemas.Topics;
import io.shareflow.testsupport.HttpTestClient.Response;
import org.junit.jupiter.api.Test;

/**
 * The recipient's page over HTTP, on the real opener: the status of each outcome (the API's), what the page says,
 * the password form with its CSRF protection and proof cookie, sign-in by the {@code shareflow_session} cookie,
 * and the headers every page answer carries. The browser's view of the same is local-stack's {@code RecipientPageBrowserIT}.
 */
class RecipientPageIT extends ShareApiIntegrationSupport {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String PASSWORD = "correct horse battery";

    private final Caller sharer = Caller.sharer();

    @Test
    void aLinkOpensAsAPageWithEveryHeaderOfTheDesign() {
        UUID document = createResource(sharer, "file", "maintenance-file", null, null);
        String token = link(document, Map.of("audience", "anyone", "role", "downloader", "name", "For the auditors"));

        Response page = page(token);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("id=\"page-share\"").contains(resourceName(document))
                .contains("Pat Producer").contains(sharer.email()).contains("For the auditors")
                .contains("Downloader").contains("You can view and download it.").contains("Never")
                .contains("Maintenance file");
        String csp = page.header("Content-Security-Policy");
        assertThat(csp).contains("default-src 'none'").contains("style-src 'self'").contains("form-action 'self'")
                .contains("frame-ancestors 'none'").contains("base-uri 'none'");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("X-Robots-Tag")).contains("noindex");
        assertThat(page.header("Cache-Control")).contains("no-store");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");

        Response css = api.send("GET", "/s/assets/page.css", null, null, Map.of("Accept", "text/css"));
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("Content-Type")).startsWith("text/css");
    }

    @Test
    void everyTextOfTheShareIsEscaped() {
        String hostile = "<script>alert('x')</script> & \"Q\" <img src=x onerror=alert(1)>";
        UUID document = createNamed(hostile, "file", "asset-document", null);
        String token = link(document, Map.of("audience", "anyone", "name", "<b>bold</b>"));

        String body = page(token).body();
        assertThat(body).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("<b>bold</b>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Q&quot; &lt;img src=x onerror=alert(1)&gt;")
                .contains("&lt;b&gt;bold&lt;/b&gt;");
    }

    @Test
    void aFolderPageListsItsItemsAndNothingOfAnotherShare() {
        UUID folder = createNamed("Fleet maintenance " + suffix(), "folder", null, null);
        UUID log = createNamed("A320 log " + suffix() + ".pdf", "file", "maintenance-file", folder);
        UUID sub = createNamed("Engines " + suffix(), "folder", null, folder);
        UUID elsewhere = createNamed("Elsewhere " + suffix(), "file", "asset-document", null);
        String folderToken = link(folder, Map.of("audience", "anyone"));
        String otherToken = link(elsewhere, Map.of("audience", "anyone"));

        String folderPage = page(folderToken).body();
        assertThat(folderPage).contains("In this folder").contains(resourceName(log)).contains(resourceName(sub))
                .doesNotContain(resourceName(elsewhere));
        String otherPage = page(otherToken).body();
        assertThat(otherPage).contains(resourceName(elsewhere)).doesNotContain(resourceName(folder))
                .doesNotContain(resourceName(log));

        UUID empty = createNamed("Empty " + suffix(), "folder", null, null);
        assertThat(page(link(empty, Map.of("audience", "anyone"))).body()).contains("This folder is empty.");
    }

    @Test
    void aRightPasswordOpensAndIsRememberedForThatLinkOnly() {
        UUID document = createDocument(sharer);
        String token = link(document, Map.of("audience", "password", "password", PASSWORD));

        Response form = page(token);
        assertThat(form.status()).isEqualTo(401);
        assertThat(form.body()).contains("id=\"page-password\"").contains("action=\"/s/" + token + "\"")
                .doesNotContain(resourceName(document));
        Csrf csrf = Csrf.of(form);

        Response wrong = postPassword(token, "not the password", csrf);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).contains("That password is not right").doesNotContain(resourceName(document));
        assertThat(wrong.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(PasswordProofs.COOKIE));

        Response right = postPassword(token, PASSWORD, csrf);
        assertThat(right.status()).isEqualTo(303);
        assertThat(right.location()).endsWith("/s/" + token);
        String proof = right.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(PasswordProofs.COOKIE + "=")).findFirst().orElseThrow();
        assertThat(proof).contains("Path=/s/" + token).contains("HttpOnly").contains("SameSite=Lax")
                .contains("Max-Age=1800");
        String proofCookie = proof.substring(0, proof.indexOf(';'));
        assertThat(proofCookie).doesNotContain(PASSWORD).doesNotContain(token);

        Response reloaded = page(token, proofCookie);
        assertThat(reloaded.status()).isEqualTo(200);
        assertThat(reloaded.body()).contains(resourceName(document));

        // The proof of one link opens no other.
        String other = link(createDocument(sharer), Map.of("audience", "password", "password", PASSWORD));
        assertThat(page(other, proofCookie.replace(token, other)).status()).isEqualTo(401);

        // A proof is not renewed by posting the form again with it, whatever password is typed: it runs out.
        Response again = api.send("POST", "/s/" + token, null, "password=" + encode("anything at all")
                        + "&_csrf=" + encode(csrf.field()), Map.of("Content-Type", "application/x-www-form-urlencoded",
                "Cookie", csrf.cookie() + "; " + proofCookie, "Accept", "text/html"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(PasswordProofs.COOKIE));

        // A new password ends the proof of the old one at once: the sharer cuts off whoever knew it.
        UUID shareId = jdbc.sql("select id from share where link_token_hash = ?")
                .param(LinkToken.sha256(token)).query(UUID.class).single();
        Response changed = api.send("PATCH", "/v1/shares/" + shareId, sharer.token(),
                Map.of("password", "a brand new passphrase"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        Response afterChange = page(token, proofCookie);
        assertThat(afterChange.status()).isEqualTo(401);
        assertThat(afterChange.body()).contains("id=\"page-password\"").doesNotContain(resourceName(document));
        // The new password gives a new proof, which opens.
        Response renewed = postPassword(token, "a brand new passphrase", Csrf.of(afterChange));
        assertThat(renewed.status()).isEqualTo(303);
        String newProof = renewed.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(PasswordProofs.COOKIE + "=")).findFirst().orElseThrow();
        assertThat(page(token, newProof.substring(0, newProof.indexOf(';'))).status()).isEqualTo(200);
    }

    @Test
    void aLinkWithoutPasswordGetsNoPasswordProof() {
        String token = link(createDocument(sharer), Map.of("audience", "anyone"));
        // The share page has no form; a CSRF token of any password form serves (it is per browser, not per link).
        Csrf csrf = Csrf.of(page(link(createDocument(sharer), Map.of("audience", "password", "password", PASSWORD))));
        Response posted = postPassword(token, "a password nobody asked for", csrf);
        assertThat(posted.status()).isEqualTo(200);
        assertThat(posted.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(PasswordProofs.COOKIE));
    }

    @Test
    void aPasswordFormWithoutItsCsrfTokenIsRefusedAndCountsNothing() {
        String token = link(createDocument(sharer), Map.of("audience", "password", "password", PASSWORD));
        Csrf csrf = Csrf.of(page(token));

        Response noToken = api.send("POST", "/s/" + token, null, "password=" + encode(PASSWORD),
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Cookie", csrf.cookie(), "Accept", "text/html"));
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(noToken.body()).contains("This form has expired");
        assertThat(noToken.header("Content-Security-Policy")).contains("frame-ancestors 'none'");

        Response noCookie = api.send("POST", "/s/" + token, null, "password=x&_csrf=" + encode(csrf.field()),
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html"));
        assertThat(noCookie.status()).isEqualTo(403);
        assertThat(count("select count(*) from share_open o join share s on s.id = o.share_id where s.link_token_hash = ?",
                LinkToken.sha256(token))).isEqualTo(1);
    }

    @Test
    void fiveWrongPasswordsLockTheLinkAndThePageSaysWhenToRetry() {
        String token = link(createDocument(sharer), Map.of("audience", "password", "password", PASSWORD));
        Csrf csrf = Csrf.of(page(token));
        for (int i = 1; i <= 4; i++) {
            assertThat(postPassword(token, "wrong " + i, csrf).status()).isEqualTo(401);
        }
        Response fifth = postPassword(token, "wrong 5", csrf);
        assertThat(fifth.status()).isEqualTo(429);
        assertThat(fifth.body()).contains("id=\"page-locked-out\"").contains("Try again in");
        assertThat(Long.parseLong(fifth.header("Retry-After"))).isBetween(1L, 15 * 60L);

        Response evenTheRightOne = postPassword(token, PASSWORD, csrf);
        assertThat(evenTheRightOne.status()).isEqualTo(429);
        assertThat(page(token).status()).isEqualTo(429);
    }

    @Test
    void anOrganizationLinkAsksToSignInThenOpensForAMemberByTheSessionCookie() {
        UUID document = createDocument(sharer);
        String token = link(document, Map.of("audience", "organization"));

        Response prompt = page(token);
        assertThat(prompt.status()).isEqualTo(401);
        assertThat(prompt.body()).contains("id=\"page-sign-in\"").contains("href=\"" + SIGN_IN_URL + "?returnTo="
                + LINK_BASE + "/s/" + token + "\"").doesNotContain(resourceName(document));

        Caller member = Caller.of(sharer.organizationId(), "viewer");
        Response signedIn = page(token, SessionCookie.of(member));
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.body()).contains(resourceName(document)).contains("Signed in as");

        Caller outsider = Caller.of(UUID.randomUUID(), "viewer");
        Response refused = page(token, SessionCookie.of(outsider));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("id=\"page-outside-audience\"").contains("Pat Producer")
                .contains(sharer.email()).doesNotContain(resourceName(document));

        // A stale or forged cookie is no sign-in: the prompt again, not an error.
        assertThat(page(token, SessionCookie.COOKIE + "=not.a.jwt").status()).isEqualTo(401);
    }

    @Test
    void aUsersLinkSaysWhomToAskToSomeoneNotListed() {
        String listed = "listed." + suffix() + "@example.com";
        String token = link(createDocument(sharer), Map.of("audience", "users", "notify", false,
                "recipients", List.of(Map.of("email", listed))));
        Caller stranger = Caller.of(sharer.organizationId(), "viewer");
        Response refused = api.send("GET", "/s/" + token, stranger.token(), null, Map.of("Accept", "text/html"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("This share is not for you").contains("Ask <strong>Pat Producer</strong>");
    }

    @Test
    void unknownExpiredRevokedAndRejectedEachHaveTheirOwnPage() {
        Response unknown = page(LinkToken.generate().value());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("id=\"page-unknown\"");
        assertThat(page("not-a-token").status()).isEqualTo(404);

        Map<String, Object> soon = new LinkedHashMap<>(Map.of("audience", "anyone"));
        soon.put("expiresAt", Instant.now().plusSeconds(2).toString());
        String expiring = link(createDocument(sharer), soon);
        await().until(() -> page(expiring).status() == 410);
        assertThat(page(expiring).body()).contains("id=\"page-expired\"").contains("This link has expired");

        Response created = api.post("/v1/shares/" + createDocument(sharer) + "/links", sharer.token(), Map.of("audience", "anyone"));
        String revoked = tokenOf(created.data().get("url").asString());
        assertThat(api.send("DELETE", "/v1/shares/" + created.data().get("shareId").asString(), sharer.token(), null)
                .status()).isEqualTo(204);
        Response gone = page(revoked);
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.body()).contains("id=\"page-revoked\"");

        Response direct = api.post("/v1/shares/" + createDocument(sharer), sharer.token(),
                Map.of("recipientEmail", "rejected." + suffix() + "@example.com"));
        assertThat(direct.status()).isEqualTo(202);
        UUID shareId = UUID.fromString(direct.data().get("shares").get(0).get("shareId").asString());
        String rejected = tokenOf(direct.data().get("shares").get(0).get("url").asString());
        publish(Topics.SHARE_PROVISIONING, shareId, RecipientRejected.newBuilder().setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now()).setShareId(shareId).setCausationEventId(UUID.randomUUID())
                .setRecipientEmail("r@example.com").setReason("user of another organisation").build());
        await().until(() -> page(rejected).status() == 410);
        assertThat(page(rejected).body()).contains("id=\"page-rejected\"").contains("user of another organisation");
    }

    @Test
    void aDirectShareOpensForItsNewRecipientWithoutSignIn() {
        UUID document = createDocument(sharer);
        Response direct = api.post("/v1/shares/" + document, sharer.token(),
                Map.of("recipientEmail", "new." + suffix() + "@example.com", "role", "viewer"));
        String token = tokenOf(direct.data().get("shares").get(0).get("url").asString());
        Response page = page(token);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(resourceName(document)).contains("Shared with you personally.");
    }

    // --- helpers

    private record Csrf(String cookie, String field) {
        static Csrf of(Response form) {
            String cookie = form.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith(PageSecurityConfiguration.CSRF_COOKIE + "=")).findFirst().orElseThrow();
            assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/s");
            Matcher field = CSRF_FIELD.matcher(form.body());
            assertThat(field.find()).as("the form carries a CSRF token").isTrue();
            return new Csrf(cookie.substring(0, cookie.indexOf(';')), field.group(1));
        }
    }

    private record SessionCookie() {
        static final String COOKIE = "shareflow_session";

        static String of(Caller caller) {
            return COOKIE + "=" + caller.token();
        }
    }

    private Response postPassword(String token, String password, Csrf csrf) {
        return api.send("POST", "/s/" + token, null, "password=" + encode(password) + "&_csrf=" + encode(csrf.field()),
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Cookie", csrf.cookie(), "Accept", "text/html"));
    }

    private Response page(String token) {
        return api.send("GET", "/s/" + token, null, null, Map.of("Accept", "text/html"));
    }

    private Response page(String token, String cookie) {
        return api.send("GET", "/s/" + token, null, null, Map.of("Accept", "text/html", "Cookie", cookie));
    }

    private String link(UUID resource, Map<String, ?> body) {
        Response created = api.post("/v1/shares/" + resource + "/links", sharer.token(), body);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return tokenOf(created.data().get("url").asString());
    }

    private static String tokenOf(String url) {
        assertThat(url).startsWith(LINK_BASE + "/s/");
        return url.substring((LINK_BASE + "/s/").length());
    }

    private UUID createNamed(String name, String kind, String documentType, UUID parentId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("kind", kind);
        if (documentType != null) {
            body.put("documentType", documentType);
        }
        if (parentId != null) {
            body.put("parentId", parentId.toString());
        }
        Response created = api.post("/v1/resources", sharer.token(), body);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return UUID.fromString(created.data().get("id").asString());
    }

    private String resourceName(UUID id) {
        return api.get("/v1/resources/" + id, sharer.token()).data().get("name").asString();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
