package io.shareflow.domain;

import java.util.UUID;

/** Checks on user-supplied text shared by the features. */
public final class Texts {

    private Texts() {
    }

    /** True if {@code text} has a control or line/paragraph separator character other than those allowed. */
    public static boolean hasControlCharacters(String text, boolean allowNewlineAndTab) {
        return text.codePoints().anyMatch(c -> {
            if (allowNewlineAndTab && (c == '\n' || c == '\t')) {
                return false;
            }
            int type = Character.getType(c);
            return Character.isISOControl(c) || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR;
        });
    }

    /** Length in characters as a person counts them (code points, not UTF-16 units). */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** Null or blank becomes null, anything else is returned unchanged. */
    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /**
     * Parses a UUID given in the request.
     *
     * @return null when {@code value} is null or blank
     * @throws InvalidRequest naming {@code field} when it is not a UUID
     */
    public static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            // UUID.fromString accepts forms like "1-2-3-4-5"; insist on the canonical 36 characters.
            if (value.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(field, "must be a UUID");
        }
    }
}
