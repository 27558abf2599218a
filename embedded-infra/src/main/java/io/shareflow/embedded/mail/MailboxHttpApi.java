package io.shareflow.embedded.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catcher's HTTP interface: {@code GET/DELETE /api/messages} for programs, {@code GET /} for
 * people. Every captured value is escaped on the page; the HTML part is shown in a sandboxed
 * iframe (no scripts, no same-origin access) and the page forbids scripts and remote content.
 */
final class MailboxHttpApi implements HttpHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String API_PATH = "/api/messages";

    private final MailCatcher catcher;

    MailboxHttpApi(MailCatcher catcher) {
        this.catcher = catcher;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (API_PATH.equals(path) || (API_PATH + "/").equals(path)) {
                switch (method) {
                    case "GET" -> send(exchange, 200, "application/json; charset=utf-8", json(catcher.messages()));
                    case "DELETE" -> {
                        catcher.clear();
                        exchange.sendResponseHeaders(204, -1);
                    }
                    default -> methodNotAllowed(exchange, "GET, DELETE");
                }
            } else if ("/".equals(path)) {
                if ("GET".equals(method)) {
                    exchange.getResponseHeaders().set("Content-Security-Policy",
                            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'");
                    send(exchange, 200, "text/html; charset=utf-8", page(catcher.messages()));
                } else {
                    methodNotAllowed(exchange, "GET");
                }
            } else {
                send(exchange, 404, "text/plain; charset=utf-8", "Not found. Try / or " + API_PATH + "\n");
            }
        }
    }

    static String json(List<CapturedMessage> messages) {
        List<Map<String, Object>> entries = new ArrayList<>(messages.size());
        for (CapturedMessage m : messages) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", m.id());
            entry.put("messageId", m.messageId());
            entry.put("from", m.from());
            entry.put("to", m.to());
            entry.put("subject", m.subject());
            entry.put("text", m.text());
            entry.put("html", m.html());
            entry.put("receivedAt", m.receivedAt().toString());
            entries.add(entry);
        }
        return JSON.writeValueAsString(entries);
    }

    static String page(List<CapturedMessage> messages) {
        StringBuilder html = new StringBuilder(4096).append("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <title>shareflow — captured mail</title>
                <style>
                body{font-family:system-ui,sans-serif;margin:2em;max-width:70em}
                article{border:1px solid #ccc;border-radius:6px;padding:1em;margin:1em 0}
                dt{font-weight:bold;float:left;width:7em}dd{margin-left:8em}
                pre{white-space:pre-wrap;background:#f6f6f6;padding:.5em}
                iframe{width:100%;height:24em;border:1px solid #ddd}
                </style></head><body>
                <h1>Captured mail</h1>
                """);
        html.append("<p>").append(messages.size()).append(messages.size() == 1 ? " message" : " messages")
                .append(", newest first. JSON: <a href=\"/api/messages\">/api/messages</a>")
                .append(" (empty the box with <code>curl -X DELETE …/api/messages</code>).</p>\n");
        for (int i = messages.size() - 1; i >= 0; i--) {
            CapturedMessage m = messages.get(i);
            html.append("<article id=\"m").append(escape(m.id())).append("\">\n<h2>")
                    .append(m.subject() == null ? "(no subject)" : escape(m.subject())).append("</h2>\n<dl>")
                    .append("<dt>From</dt><dd>").append(escape(m.from())).append("</dd>")
                    .append("<dt>To</dt><dd>").append(escape(String.join(", ", m.to()))).append("</dd>")
                    .append("<dt>Received</dt><dd>").append(escape(m.receivedAt().toString())).append("</dd>")
                    .append("<dt>Message-ID</dt><dd>").append(escape(m.messageId())).append("</dd></dl>\n");
            if (m.text() != null) {
                html.append("<h3>Text</h3>\n<pre>").append(escape(m.text())).append("</pre>\n");
            }
            if (m.html() != null) {
                html.append("<h3>HTML</h3>\n<iframe sandbox=\"\" title=\"HTML part\" srcdoc=\"")
                        .append(escape(m.html())).append("\"></iframe>\n");
            }
            html.append("</article>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    /** Escapes text for HTML element content and double- or single-quoted attributes. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
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

    private static void methodNotAllowed(HttpExchange exchange, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        send(exchange, 405, "text/plain; charset=utf-8", "Method not allowed; use " + allowed + "\n");
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
