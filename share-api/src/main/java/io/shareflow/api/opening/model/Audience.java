package io.shareflow.api.opening.model;

import java.util.Arrays;
import java.util.Optional;

/** Who may open a link; lower case in the API and the database. */
public enum Audience {
    /** Whoever has the link. */
    ANYONE("anyone"),
    /** A signed-in member of the sharer's organisation: a user of it with a role. */
    ORGANIZATION("organization"),
    /** The listed recipients, signed in. */
    USERS("users"),
    /** Whoever gives the link's password. */
    PASSWORD("password");

    private final String value;

    Audience(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** Exact, lower-case match; empty for anything else (null included). */
    public static Optional<Audience> parse(String value) {
        return Arrays.stream(values()).filter(audience -> audience.value.equals(value)).findFirst();
    }
}
