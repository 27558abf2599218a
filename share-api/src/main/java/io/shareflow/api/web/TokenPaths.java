package io.shareflow.api.web;

import java.util.regex.Pattern;

/**
 * Cuts link tokens out of text meant for logs: {@code /s/{token}} becomes {@code /s/…} and {@code /v1/links/{token}}
 * becomes {@code /v1/links/…} (also without the leading slash, as Spring writes resource paths).
 */
public final class TokenPaths {

    private static final Pattern TOKEN_PATH = Pattern.compile("(?<![A-Za-z0-9_-])(v1/links|s)/[A-Za-z0-9_%-]+");

    private TokenPaths() {
    }

    /** @return whether {@code text} holds a path with a token; false for null */
    public static boolean holdsToken(String text) {
        return text != null && (text.contains("s/")) && TOKEN_PATH.matcher(text).find();
    }

    /** @return {@code text} with every token of such a path replaced by {@code …}; null for null */
    public static String mask(String text) {
        return holdsToken(text) ? TOKEN_PATH.matcher(text).replaceAll("$1/…") : text;
    }
}
