package io.shareflow.testsupport;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API calls a README shows in its {@code bash} blocks, so a test can hold them against the OpenAPI document:
 * each {@code curl} (also one quoted in a comment, and the README's {@code post PATH BODY} helper, which POSTs to
 * {@code $API}) with its method, path and {@code -d} body. Shell words are read as bash would: quotes, {@code \}
 * line continuations, a quoted body over several lines. In a body, a command substitution {@code $(…)} becomes a
 * date-time and a variable {@code $X} a UUID (placeholders of the right shape; only the structure is checked).
 */
public final class ReadmeCurls {

    /** A date-time standing in for a {@code $(…)} in a body. */
    public static final String SUBSTITUTED_TIME = "2027-01-31T00:00:00Z";
    /** A UUID standing in for a {@code $VARIABLE} in a body. */
    public static final String SUBSTITUTED_ID = "00000000-0000-4000-8000-000000000000";

    /**
     * One call.
     *
     * @param port the URL's port (80 when it names none)
     * @param path without the query, variables as written ({@code /v1/shares/$LOG}, {@code /v1/shares/<shareId>})
     * @param body the {@code -d} body, null when none
     * @param line the README line it starts on (1-based)
     */
    public record Curl(String method, int port, String path, String body, int line) {

        @Override
        public String toString() {
            return "README line " + line + ": " + method + " :" + port + path + (body == null ? "" : " " + body);
        }
    }

    private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");
    private static final Pattern ASSIGNMENT = Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_]\\w*)=(\\S+)\\s*$");
    private static final Pattern CALL = Pattern.compile("(?<![\\w-])(curl|post)\\s");

    private ReadmeCurls() {
    }

    /** Every call of the markdown's {@code bash}/{@code sh} blocks, in order. */
    public static List<Curl> of(String markdown) {
        List<Curl> curls = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        Map<String, String> variables = new HashMap<>();
        boolean inBash = false;
        for (int i = 0; i < lines.length; i++) {
            Matcher fence = FENCE.matcher(lines[i]);
            if (fence.matches()) {
                inBash = !inBash && (fence.group(1).equals("bash") || fence.group(1).equals("sh"));
                continue;
            }
            if (!inBash) {
                continue;
            }
            int start = i;
            StringBuilder command = new StringBuilder(uncomment(lines[i], false));
            // A line ending in "\" goes on, as does a line whose quote is still open.
            while (i + 1 < lines.length && (endsWithBackslash(command) || openQuote(command))) {
                if (endsWithBackslash(command)) {
                    command.setLength(command.length() - 1);
                    command.append(' ').append(uncomment(lines[++i], true));
                } else {
                    command.append('\n').append(lines[++i]);
                }
            }
            String text = command.toString();
            Matcher assignment = ASSIGNMENT.matcher(text);
            if (assignment.matches()) {
                variables.put(assignment.group(1), assignment.group(2));
            }
            Matcher call = CALL.matcher(text);
            while (call.find()) {
                if (call.group(1).equals("post") && !startsCommand(text, call.start())) {
                    continue;
                }
                Curl curl = parse(words(text.substring(call.start())), start + 1, variables);
                if (curl != null) {
                    curls.add(curl);
                }
            }
        }
        return curls;
    }

    /** A comment line quoting a command ({@code #   curl …}) is read as the command; other lines as they are. */
    private static String uncomment(String line, boolean continuation) {
        String trimmed = line.stripLeading();
        if (trimmed.startsWith("#") && (continuation || trimmed.matches("#.*\\bcurl\\s.*"))) {
            String rest = trimmed.substring(1);
            int curl = rest.indexOf("curl ");
            return continuation || curl < 0 ? rest : rest.substring(curl);
        }
        return line;
    }

    private static boolean startsCommand(String text, int at) {
        String before = text.substring(0, at).stripTrailing();
        return before.isEmpty() || before.endsWith("$(") || before.endsWith(";") || before.endsWith("&&");
    }

    private static boolean endsWithBackslash(CharSequence command) {
        return command.length() > 0 && command.charAt(command.length() - 1) == '\\';
    }

    private static boolean openQuote(CharSequence command) {
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote == 0 && c == '#' && (i == 0 || Character.isWhitespace(command.charAt(i - 1)))) {
                return false;
            }
            if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (quote == '"' && c == '\\') {
                i++;
            } else if (c == quote) {
                quote = 0;
            }
        }
        return quote != 0;
    }

    /** The shell words of a command up to its end ({@code ;}, {@code |}, {@code )}, {@code &&} or a comment). */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                i++;
                continue;
            }
            if (word == null && (c == ';' || c == '|' || c == ')' || c == '&' || c == '#')) {
                break;
            }
            if (word == null) {
                word = new StringBuilder();
            }
            if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                end = end < 0 ? text.length() : end;
                word.append(text, i + 1, end);
                i = end + 1;
            } else if (c == '"') {
                i = doubleQuoted(text, i + 1, word);
            } else if (c == '$') {
                i = dollar(text, i, word);
            } else if (c == ';' || c == '|' || c == ')') {
                break;
            } else {
                word.append(c);
                i++;
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    private static int doubleQuoted(String text, int i, StringBuilder word) {
        while (i < text.length() && text.charAt(i) != '"') {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                word.append(text.charAt(i + 1));
                i += 2;
            } else if (c == '$') {
                i = dollar(text, i, word);
            } else {
                word.append(c);
                i++;
            }
        }
        return i + 1;
    }

    /** {@code $(…)} and {@code $VAR} / {@code ${VAR}} are kept as markers, resolved by {@link #resolve}. */
    private static int dollar(String text, int i, StringBuilder word) {
        if (i + 1 < text.length() && text.charAt(i + 1) == '(') {
            int depth = 0;
            int j = i + 1;
            char quote = 0;
            for (; j < text.length(); j++) {
                char c = text.charAt(j);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    break;
                }
            }
            word.append("\u0000(").append(text, i + 2, Math.min(j, text.length())).append("\u0000");
            return j + 1;
        }
        int j = i + 1;
        boolean braced = j < text.length() && text.charAt(j) == '{';
        if (braced) {
            j++;
        }
        int nameStart = j;
        while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
            j++;
        }
        word.append("\u0000$").append(text, nameStart, j).append("\u0000");
        return braced && j < text.length() && text.charAt(j) == '}' ? j + 1 : j;
    }

    private static Curl parse(List<String> words, int line, Map<String, String> variables) {
        if (words.isEmpty()) {
            return null;
        }
        String method = null;
        String url = null;
        String body = null;
        if (words.get(0).equals("post")) {
            if (words.size() < 2) {
                return null;
            }
            method = "POST";
            url = "\u0000$API\u0000" + words.get(1);
            body = words.size() > 2 ? words.get(2) : null;
        } else {
            for (int i = 1; i < words.size(); i++) {
                String word = words.get(i);
                switch (word) {
                    case "-X", "--request" -> method = i + 1 < words.size() ? words.get(++i) : null;
                    case "-d", "--data", "--data-raw", "--json" -> body = i + 1 < words.size() ? words.get(++i) : null;
                    case "-H", "--header", "-o", "--output", "-w", "--write-out", "--cookie", "-b", "-u" -> i++;
                    default -> {
                        if (!word.startsWith("-") && url == null) {
                            url = word;
                        }
                    }
                }
            }
        }
        if (url == null) {
            return null;
        }
        String resolvedUrl = resolveUrl(url, variables);
        if (resolvedUrl == null) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(resolvedUrl.replace("<", "%3C").replace(">", "%3E").replace("$", "%24"));
        } catch (IllegalArgumentException e) {
            return null;
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replace("%3C", "<").replace("%3E", ">").replace("%24", "$");
        if (method == null) {
            method = body == null ? "GET" : "POST";
        }
        return new Curl(method.toUpperCase(), uri.getPort() < 0 ? 80 : uri.getPort(), path,
                body == null ? null : resolveBody(body), line);
    }

    /** The URL with the README's variables that hold URLs ({@code API=http://…}) put in; other variables as {@code $X}. */
    private static String resolveUrl(String url, Map<String, String> variables) {
        StringBuilder resolved = new StringBuilder();
        Matcher marker = Pattern.compile("\u0000(\\$\\w*|\\([^\u0000]*)\u0000").matcher(url);
        int at = 0;
        while (marker.find()) {
            resolved.append(url, at, marker.start());
            String name = marker.group(1);
            String value = name.startsWith("$") ? variables.get(name.substring(1)) : null;
            if (value != null && value.startsWith("http")) {
                resolved.append(value);
            } else if (name.startsWith("$") && name.length() > 1 && !Character.isDigit(name.charAt(1))) {
                resolved.append(name);
            } else {
                return null;
            }
            at = marker.end();
        }
        resolved.append(url.substring(at));
        return resolved.toString();
    }

    private static String resolveBody(String body) {
        return body.replaceAll("\u0000\\([^\u0000]*\u0000", SUBSTITUTED_TIME)
                .replaceAll("\u0000\\$\\w*\u0000", SUBSTITUTED_ID);
    }
}
