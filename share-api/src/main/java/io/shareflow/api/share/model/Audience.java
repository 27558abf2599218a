package io.shareflow.api.share.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * Who may open a link; lower case in the API, the database and events. {@code USERS}: the link's recipients, signed
 * in; {@code ORGANIZATION}: any signed-in member of the sharer's organisation; {@code PASSWORD}: whoever knows the
 * link's password.
 */
public enum Audience {
    ANYONE("anyone"), ORGANIZATION("organization"), USERS("users"), PASSWORD("password");

    private final String value;

    Audience(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** Exact, lower-case match; empty for anything else. */
    public static Optional<Audience> parse(String value) {
        return Arrays.stream(values()).filter(audience -> audience.value.equals(value)).findFirst();
    }
}
