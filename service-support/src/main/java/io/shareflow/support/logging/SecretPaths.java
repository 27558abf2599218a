package io.shareflow.support.logging;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Cuts secrets out of request paths in text meant for logs: with the masked path {@code v1/registrations},
 * {@code /v1/registrations/{token}} becomes {@code /v1/registrations/…} (also without the leading slash, as Spring
 * writes resource paths, and inside a full URL). The segment after a masked path is the secret, whatever it holds.
 * Immutable and thread-safe.
 */
public final class SecretPaths {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~-]+(?:/[A-Za-z0-9._~-]+)*");

    private final Pattern pattern;
    private final List<String> paths;

    /**
     * @param paths paths whose next segment is a secret, e.g. {@code register} or {@code v1/registrations}; leading
     *              and trailing slashes are ignored
     * @throws IllegalArgumentException when a path is blank or holds other characters than letters, digits,
     *                                  {@code . _ ~ -} and inner slashes
     */
    public SecretPaths(List<String> paths) {
        this.paths = Objects.requireNonNull(paths, "paths").stream().map(SecretPaths::normalised).toList();
        if (this.paths.isEmpty()) {
            throw new IllegalArgumentException("shareflow.logging.masked-paths: give at least one path");
        }
        String alternatives = this.paths.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        // Not inside a longer segment ("/unregister/x" is not "/register/x"); the secret runs to the next '/', '?',
        // '#', quote, space or other character that is not part of a path segment.
        this.pattern = Pattern.compile("(?<![A-Za-z0-9._~-])(" + alternatives + ")/[A-Za-z0-9._~%+=-]+");
    }

    /** The masked paths, without leading or trailing slashes. */
    public List<String> paths() {
        return paths;
    }

    /** @return whether {@code text} holds a masked path followed by a secret; false for null */
    public boolean holdsSecret(String text) {
        return text != null && pattern.matcher(text).find();
    }

    /** @return {@code text} with the secret after every masked path replaced by {@code …}; null for null */
    public String mask(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.replaceAll(match -> Matcher.quoteReplacement(match.group(1)) + "/…") : text;
    }

    private static String normalised(String path) {
        String stripped = Objects.requireNonNull(path, "path").strip();
        while (stripped.startsWith("/")) {
            stripped = stripped.substring(1);
        }
        while (stripped.endsWith("/")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        if (!SEGMENT.matcher(stripped).matches()) {
            throw new IllegalArgumentException("shareflow.logging.masked-paths: not a path: '" + path + "'");
        }
        return stripped;
    }

    @Override
    public String toString() {
        return "SecretPaths" + paths;
    }
}
