package io.shareflow.api.share.model;

import java.util.Arrays;
import java.util.Optional;

/** What a recipient may do with a shared resource; lower case in the API and events. */
public enum Role {
    VIEWER("viewer"), DOWNLOADER("downloader"), CONTRIBUTOR("contributor"), MANAGER("manager");

    private final String value;

    Role(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** Exact, lower-case match; empty for anything else. */
    public static Optional<Role> parse(String value) {
        return Arrays.stream(values()).filter(role -> role.value.equals(value)).findFirst();
    }
}
