package io.shareflow.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An e-mail address shareflow accepts, as the user wrote it (surrounding blanks removed). The one rule of
 * every service, so that no service stores an address another one refuses.
 *
 * <p>A practical rule, not the whole of RFC 5321/5322, chosen for addresses that every mail system can
 * deliver to and that are safe in a mail header:
 * <ul>
 *   <li>local part: a dot-atom of RFC 5322 {@code atext} characters (letters, digits and
 *       {@code !#$%&'*+/=?^_`{|}~-}), no leading, trailing or double dot, at most 64 characters;
 *       <b>quoted local parts are refused</b> ({@code "john doe"@example.com}): they allow spaces and
 *       {@code @} and almost no sending service accepts them;</li>
 *   <li>domain: two or more labels of letters, digits and inner hyphens, each 1 to 63 characters; the
 *       top-level label is 2 to 63 letters or an IDNA A-label ({@code xn--p1ai}); internationalised domains
 *       are accepted in their ASCII (punycode) form only; no IP literals ({@code user@[192.0.2.1]});</li>
 *   <li>ASCII only, at most 254 characters in all.</li>
 * </ul>
 * Two addresses are the same account when they are equal ignoring case ({@link #normalized()}).
 *
 * <p>New input goes through {@link #of}; an address read back from a service's own database goes through
 * {@link #stored}, which trusts it: it was accepted under the rule of its day, and a stricter rule later must not
 * make an existing user unreadable.
 */
public final class EmailAddress {

    public static final int MAX_LENGTH = 254;
    public static final int MAX_LOCAL_PART_LENGTH = 64;

    private static final String ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final String TOP_LEVEL_LABEL = "(?:[A-Za-z]{2,63}|[Xx][Nn]--[A-Za-z0-9](?:[A-Za-z0-9-]{0,57}[A-Za-z0-9])?)";
    private static final Pattern FORMAT = Pattern.compile(
            ATEXT + "+(?:\\." + ATEXT + "+)*@(?:" + LABEL + "\\.)+" + TOP_LEVEL_LABEL);

    private final String value;

    private EmailAddress(String value) {
        this.value = value;
    }

    /**
     * Parses user input: removes surrounding blanks and checks it.
     *
     * @throws IllegalArgumentException if it is not valid (see {@link #isValid})
     */
    public static EmailAddress of(String input) {
        String address = Objects.requireNonNull(input, "input").strip();
        if (!isValid(address)) {
            throw new IllegalArgumentException("Not a valid e-mail address");
        }
        return new EmailAddress(address);
    }

    /** An address as a service stored it earlier, not checked again; not null, not blank. */
    public static EmailAddress stored(String value) {
        if (Objects.requireNonNull(value, "value").isBlank()) {
            throw new IllegalArgumentException("A stored e-mail address is blank");
        }
        return new EmailAddress(value);
    }

    /** The address as written (surrounding blanks removed). */
    public String value() {
        return value;
    }

    /** Whether {@code candidate} (null allowed, not trimmed) is an address shareflow accepts. */
    public static boolean isValid(String candidate) {
        if (candidate == null || candidate.length() > MAX_LENGTH) {
            return false;
        }
        int at = candidate.indexOf('@');
        return at > 0 && at <= MAX_LOCAL_PART_LENGTH && FORMAT.matcher(candidate).matches();
    }

    /** The form addresses are compared in: lower case. The argument need not be a valid address. */
    public static String normalized(String address) {
        return address.toLowerCase(Locale.ROOT);
    }

    /** The form compared for uniqueness: lower case. */
    public String normalized() {
        return normalized(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmailAddress address && address.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
