package io.shareflow.provisioner.user.model;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An e-mail address as the user wrote it. Two addresses are the same account when they are equal
 * ignoring case ({@link #normalized()}), which is how the database's unique index compares them.
 *
 * <p>Deliberately a practical check, not RFC 5322: a dot-atom local part, a domain of at least
 * two labels, no spaces or quotes, at most 254 characters (64 in the local part).
 */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 254;

    private static final Pattern FORMAT = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    /**
     * @param value a valid address (see {@link #isValid}), surrounding blanks already removed
     * @throws IllegalArgumentException if it is not valid
     */
    public EmailAddress {
        if (!isValid(value)) {
            throw new IllegalArgumentException("Not a valid e-mail address");
        }
    }

    /** Parses user input: trims it and checks it. */
    public static EmailAddress of(String input) {
        return new EmailAddress(Objects.requireNonNull(input, "input").strip());
    }

    /** Whether {@code candidate} (null allowed) is an address this service accepts. */
    public static boolean isValid(String candidate) {
        if (candidate == null || candidate.length() > MAX_LENGTH) {
            return false;
        }
        int at = candidate.lastIndexOf('@');
        return at > 0 && at <= 64 && FORMAT.matcher(candidate).matches();
    }

    /** The form compared for uniqueness: lower case. */
    public String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
