package io.shareflow.notifier.mail;

import java.net.URI;

/**
 * Untrusted user text made safe for an e-mail: one line for headers and names (no header injection, no spoofing by
 * bidirectional controls), several lines for a message, escaped for HTML. The renderers' shared rules. Stateless.
 */
final class UntrustedText {

    private UntrustedText() {
    }

    /**
     * One line of untrusted text: control characters (CR and LF included), line and paragraph
     * separators and bidirectional controls become spaces; runs of spaces become one; trimmed.
     */
    static String singleLine(String value) {
        StringBuilder out = new StringBuilder(value.length());
        boolean space = false;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (isUnsafe(cp) || Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = true;
                continue;
            }
            if (space && out.length() > 0) {
                out.append(' ');
            }
            space = false;
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    /** Untrusted multi-line text: line breaks normalised to LF, other unsafe characters dropped, trimmed. */
    static String multiLine(String value) {
        String normalised = value.replace("\r\n", "\n").replace('\r', '\n')
                .replace('\u2028', '\n').replace('\u2029', '\n');
        StringBuilder out = new StringBuilder(normalised.length());
        normalised.codePoints()
                .filter(cp -> cp == '\n' || cp == '\t' || !isUnsafe(cp))
                .forEach(out::appendCodePoint);
        return out.toString().strip();
    }

    /** Escapes for HTML text and double- or single-quoted attribute values. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    private static boolean isUnsafe(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || (cp >= 0x202A && cp <= 0x202E)   // bidi embeddings and overrides
                || (cp >= 0x2066 && cp <= 0x2069)   // bidi isolates
                || cp == 0x200E || cp == 0x200F;    // direction marks
    }

    static boolean isWebUrl(String link) {
        try {
            URI uri = new URI(link);
            String scheme = uri.getScheme();
            return uri.getHost() != null && ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme));
        } catch (Exception e) {
            return false;
        }
    }
}
