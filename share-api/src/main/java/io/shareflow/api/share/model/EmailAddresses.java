package io.shareflow.api.share.model;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The e-mail addresses shareflow accepts: a plain ASCII {@code local@domain.tld} (no display names,
 * comments, quoted local parts or internationalised domains), at most 254 characters.
 */
public final class EmailAddresses {

    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");
    private static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_PART = 64;

    private EmailAddresses() {
    }

    public static boolean isValid(String address) {
        return address != null && address.length() <= MAX_LENGTH && ADDRESS.matcher(address).matches()
                && address.indexOf('@') <= MAX_LOCAL_PART;
    }

    /** The form addresses are compared in: lower case. */
    public static String normalized(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}
