package io.shareflow.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.shareflow.support.security.CurrentUser;
import io.shareflow.support.security.JwtTokens;

/**
 * local-stack's stand-in for the document platform's sign-in (DESIGN.md "Sign-in"): a small page that lists the
 * accounts one can be, signs in with one click and goes back to {@code returnTo}. Signing in sets the
 * {@code shareflow_session} cookie: the same HS256 JWT as the bearer tokens the banner prints, signed with the
 * stack's secret, {@code HttpOnly; SameSite=Lax; Path=/}. A cookie belongs to a host, not to a port, so the cookie
 * this server on {@code localhost:8083} sets is sent to share-api on {@code localhost:8080}, whose pages
 * ({@code /s/**}) and {@code GET /v1/links/{token}} honour it.
 *
 * <ul>
 *   <li>{@code GET /sign-in?returnTo=…}: the accounts, one button each (and who is signed in now);</li>
 *   <li>{@code POST /sign-in} ({@code account}, {@code returnTo}): sets the cookie, 303 to {@code returnTo} —
 *       only into share-api's own base URL (no open redirect); without {@code returnTo}, back to the list;</li>
 *   <li>{@code POST /sign-out}: clears the cookie.</li>
 * </ul>
 *
 * <p>A development tool: the demo users sign in without a password. Registered recipients (users who chose a
 * password on user-provisioner's registration page) are listed too, each with a password field; their password is
 * checked by {@link PasswordCheck} (user-provisioner's {@code POST /v1/authentications}), and a wrong one shows the
 * list again with the refusal (401). A POST from another origin is refused (no login CSRF). Binds to the
 * loopback interface only.
 */
final class DevSignIn implements AutoCloseable {

    /** The cookie the platform signs people in with (DESIGN.md). */
    static final String COOKIE = "shareflow_session";
    static final String PATH = "/sign-in";
    static final Duration SESSION_TTL = Duration.ofHours(12);

    /**
     * Someone to sign in as.
     *
     * @param key              the form value ({@code alice}); letters, digits and dashes
     * @param description      what the list says about them, e.g. their role and organisation
     * @param passwordRequired a registered recipient: signs in with the password chosen on the registration page,
     *                         checked by {@link PasswordCheck}; the demo users sign in with one click
     */
    record Account(String key, CurrentUser user, String description, boolean passwordRequired) {

        /** A demo account: one click, no password. */
        Account(String key, CurrentUser user, String description) {
            this(key, user, description, false);
        }
    }

    /** Checks a registered recipient's password (user-provisioner's {@code POST /v1/authentications}). */
    @FunctionalInterface
    interface PasswordCheck {

        /**
         * @return the signed-in user (the session's claims), or the refusal's words for the page
         */
        Verdict check(Account account, String password);
    }

    /** A password check's answer: exactly one of {@code user} and {@code refusal}. */
    record Verdict(CurrentUser user, String refusal) {

        static Verdict signedIn(CurrentUser user) {
            return new Verdict(Objects.requireNonNull(user, "user"), null);
        }

        static Verdict refused(String refusal) {
            return new Verdict(null, Objects.requireNonNull(refusal, "refusal"));
        }
    }

    private static final PasswordCheck NO_PASSWORDS = (account, password) -> Verdict.refused("No password sign-in here.");

    private final int port;
    private final URI shareApi;
    private final JwtTokens tokens;
    // Read at each request: issue #12 adds registered recipients (who sign in with their password) to the list.
    private final Supplier<List<Account>> accounts;
    private final PasswordCheck passwords;
    private HttpServer server;
    private ExecutorService executor;

    /**
     * @param port      where to listen (0 = a free port)
     * @param shareApi  share-api's base URL, the only place {@code returnTo} may lead
     * @param tokens    the stack's ({@link LocalStackSettings#jwtTokens()}): its secret, issuer and audience, which
     *                  the services verify the session with
     * @param accounts  who can be signed in, asked at each request
     */
    DevSignIn(int port, String shareApi, JwtTokens tokens, Supplier<List<Account>> accounts) {
        this(port, shareApi, tokens, accounts, NO_PASSWORDS);
    }

    /**
     * @param passwords checks the password of an account that {@linkplain Account#passwordRequired requires one}
     */
    DevSignIn(int port, String shareApi, JwtTokens tokens, Supplier<List<Account>> accounts, PasswordCheck passwords) {
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.port = port;
        this.shareApi = URI.create(shareApi.replaceAll("/+$", ""));
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
    }

    synchronized DevSignIn start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("The dev sign-in page did not start on port " + port, e);
        }
        server.createContext("/", this::handle);
        executor = Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "dev-sign-in");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
        return this;
    }

    /** {@code http://localhost:<port>/sign-in}: what share-api's {@code shareflow.links.sign-in-url} is set to. */
    String url() {
        return "http://localhost:" + server.getAddress().getPort() + PATH;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (PATH.equals(path) && "GET".equals(method)) {
                Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
                String returnTo = query.get("returnTo");
                if (returnTo != null && safeReturn(returnTo).isEmpty()) {
                    badReturn(exchange);
                    return;
                }
                page(exchange, 200, listPage(returnTo, signedIn(exchange), null));
            } else if (PATH.equals(path) && "POST".equals(method)) {
                signIn(exchange);
            } else if ("/sign-out".equals(path) && "POST".equals(method)) {
                if (refusedCrossOrigin(exchange)) {
                    return;
                }
                exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax");
                redirect(exchange, PATH);
            } else if (PATH.equals(path) || "/sign-out".equals(path)) {
                exchange.getResponseHeaders().set("Allow", PATH.equals(path) ? "GET, POST" : "POST");
                page(exchange, 405, simplePage("Method not allowed", "Use the buttons of <a href=\"" + PATH + "\">the sign-in page</a>."));
            } else {
                page(exchange, 404, simplePage("Not found", "The dev sign-in page is <a href=\"" + PATH + "\">" + PATH + "</a>."));
            }
        }
    }

    private void signIn(HttpExchange exchange) throws IOException {
        if (refusedCrossOrigin(exchange)) {
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readNBytes(8192), StandardCharsets.UTF_8));
        String returnTo = blankToNull(form.get("returnTo"));
        Optional<URI> target = returnTo == null ? Optional.empty() : safeReturn(returnTo);
        if (returnTo != null && target.isEmpty()) {
            badReturn(exchange);
            return;
        }
        Optional<Account> account = accounts.get().stream().filter(a -> a.key().equals(form.get("account"))).findFirst();
        if (account.isEmpty()) {
            page(exchange, 400, simplePage("No such account", "Pick one of the list on <a href=\"" + PATH + "\">the sign-in page</a>."));
            return;
        }
        CurrentUser user = account.get().user();
        if (account.get().passwordRequired()) {
            // Read from the form and handed on; never written anywhere.
            String password = form.getOrDefault("password", "");
            Verdict verdict = password.isEmpty() ? Verdict.refused("Type your password.")
                    : passwords.check(account.get(), password);
            if (verdict.user() == null) {
                page(exchange, 401, listPage(returnTo, signedIn(exchange), verdict.refusal()));
                return;
            }
            // A registered recipient has no role (DESIGN.md "Authentication"): the claims the check answered.
            user = verdict.user();
        }
        String jwt = tokens.issue(user, SESSION_TTL);
        exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + jwt + "; Max-Age=" + SESSION_TTL.toSeconds()
                + "; Path=/; HttpOnly; SameSite=Lax");
        redirect(exchange, target.map(URI::toASCIIString).orElse(PATH));
    }

    /**
     * {@code returnTo} as a URI into share-api's base URL (same scheme, host and port, a path under its path, no
     * user info), or empty: this page never sends anyone elsewhere.
     */
    Optional<URI> safeReturn(String returnTo) {
        URI uri;
        try {
            uri = new URI(returnTo).normalize();
        } catch (Exception e) {
            return Optional.empty();
        }
        String basePath = shareApi.getRawPath() == null ? "" : shareApi.getRawPath();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        boolean same = uri.isAbsolute()
                && shareApi.getScheme().equalsIgnoreCase(uri.getScheme())
                && uri.getRawUserInfo() == null
                && shareApi.getHost().equalsIgnoreCase(Objects.requireNonNullElse(uri.getHost(), ""))
                && portOf(shareApi) == portOf(uri)
                && path.startsWith(basePath + "/")
                && !path.contains("/../") && !path.endsWith("/..")
                && uri.getRawFragment() == null;
        return same ? Optional.of(uri) : Optional.empty();
    }

    private static int portOf(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** A browser sends {@code Origin} with a form POST; one from another site must not sign anyone in or out. */
    private boolean refusedCrossOrigin(HttpExchange exchange) throws IOException {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        String own = "http://localhost:" + server.getAddress().getPort();
        String ownByAddress = "http://127.0.0.1:" + server.getAddress().getPort();
        if (origin == null || origin.equals(own) || origin.equals(ownByAddress)) {
            return false;
        }
        page(exchange, 403, simplePage("Refused", "Sign in from <a href=\"" + PATH + "\">the sign-in page</a> itself."));
        return true;
    }

    /** Who the session cookie names, if it is one of ours and still valid. */
    private Optional<String> signedIn(HttpExchange exchange) {
        List<String> cookies = exchange.getRequestHeaders().getOrDefault("Cookie", List.of());
        for (String header : cookies) {
            for (String cookie : header.split(";")) {
                String[] pair = cookie.trim().split("=", 2);
                if (pair.length == 2 && pair[0].equals(COOKIE)) {
                    // Empty when it is not ours or has expired: then nobody is signed in.
                    Optional<String> name = tokens.verified(pair[1])
                            .map(claims -> claims.getClaim("name") instanceof String text ? text : null);
                    if (name.isPresent()) {
                        return name;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private String listPage(String returnTo, Optional<String> current, String refusal) {
        StringBuilder body = new StringBuilder();
        if (refusal != null) {
            body.append("<p class=\"error\" id=\"sign-in-error\" role=\"alert\">").append(escape(refusal))
                    .append("</p>\n");
        }
        body.append("<p class=\"note\">local-stack's stand-in for your document platform's sign-in. ")
                .append("Pick who you are; you go back to ")
                .append(returnTo == null ? "this page" : "the share you were opening")
                .append(".</p>\n");
        current.ifPresent(name -> body.append("<p class=\"current\">Signed in as <strong>").append(escape(name))
                .append("</strong>.</p>\n<form method=\"post\" action=\"/sign-out\"><button class=\"secondary\" type=\"submit\">Sign out</button></form>\n"));
        body.append("<ul class=\"accounts\">\n");
        for (Account account : accounts.get()) {
            body.append("<li><form method=\"post\" action=\"").append(PATH).append("\">")
                    .append("<input type=\"hidden\" name=\"account\" value=\"").append(escape(account.key())).append("\">");
            if (returnTo != null) {
                body.append("<input type=\"hidden\" name=\"returnTo\" value=\"").append(escape(returnTo)).append("\">");
            }
            body.append("<button type=\"submit\" id=\"sign-in-").append(escape(account.key())).append("\">")
                    .append(escape(account.user().name())).append("</button> <span>")
                    .append(escape(account.user().email())).append(" · ").append(escape(account.description()))
                    .append("</span>");
            if (account.passwordRequired()) {
                body.append("<input type=\"password\" name=\"password\" id=\"password-").append(escape(account.key()))
                        .append("\" autocomplete=\"current-password\" placeholder=\"Password\" aria-label=\"Password of ")
                        .append(escape(account.user().email())).append("\" required>");
            }
            body.append("</form></li>\n");
        }
        body.append("</ul>\n");
        return html("Sign in", body.toString());
    }

    private static String simplePage(String title, String paragraphHtml) {
        return html(title, "<p>" + paragraphHtml + "</p>\n");
    }

    private void badReturn(HttpExchange exchange) throws IOException {
        page(exchange, 400, simplePage("Not a share-api address",
                "This sign-in page only returns to share-api (" + escape(shareApi.toString()) + ")."));
    }

    private static String html(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s — shareflow local-stack</title>
                <style>
                body{font-family:system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1d2330}
                main{max-width:36em;margin:3em auto;background:#fff;border-radius:8px;padding:2em;box-shadow:0 1px 3px #0002}
                h1{margin-top:0;font-size:1.5em}.note{color:#555}
                ul.accounts{list-style:none;padding:0}ul.accounts li{margin:.6em 0}ul.accounts form{display:flex;gap:.75em;align-items:center}
                button{font:inherit;padding:.45em 1em;border-radius:6px;border:1px solid #2952cc;background:#2952cc;color:#fff;cursor:pointer;min-width:9em}
                button.secondary{background:#fff;color:#2952cc}
                span{color:#555}.error{color:#b42318;background:#fef3f2;border:1px solid #fecdca;border-radius:6px;padding:.5em .75em}
                input[type=password]{font:inherit;padding:.4em .6em;border:1px solid #b8bfcc;border-radius:6px;width:9em;flex:none}
                span{overflow-wrap:anywhere}
                </style></head><body><main>
                <h1>%s</h1>
                %s</main></body></html>
                """.formatted(escape(title), escape(title), body);
    }

    private void page(HttpExchange exchange, int status, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "text/html; charset=utf-8");
        // form-action: Chrome checks the redirect of a form POST too, and signing in redirects to share-api.
        headers.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' "
                + shareApi.getScheme() + "://" + shareApi.getRawAuthority() + "; frame-ancestors 'none'; base-uri 'none'");
        // The returnTo in this page's address carries a share's token: it must not travel to another site. Not
        // no-referrer: under it a browser sends "Origin: null" with the page's own forms, and the sign-in checks Origin.
        headers.set("Referrer-Policy", "same-origin");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Referrer-Policy", "same-origin");
        exchange.sendResponseHeaders(303, -1);
    }

    static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            String[] kv = pair.split("=", 2);
            try {
                values.putIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            } catch (IllegalArgumentException e) {
                // a malformed pair is ignored, like a missing one
            }
        }
        return values;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
