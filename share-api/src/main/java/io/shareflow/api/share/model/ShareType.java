package io.shareflow.api.share.model;

import java.util.Arrays;
import java.util.Optional;

/** A share with one person (e-mail invitation) or by link; lower case in the API and the database. */
public enum ShareType {
    PERSON("person"), LINK("link");

    private final String value;

    ShareType(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** Exact, lower-case match; empty for anything else. */
    public static Optional<ShareType> parse(String value) {
        return Arrays.stream(values()).filter(type -> type.value.equals(value)).findFirst();
    }
}
