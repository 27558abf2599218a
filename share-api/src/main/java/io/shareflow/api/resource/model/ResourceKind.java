package io.shareflow.api.resource.model;

import java.util.Arrays;
import java.util.Optional;

/** What a resource is; written in lower case in the API and the events. */
public enum ResourceKind {
    FILE("file"), FOLDER("folder"), COLLECTION("collection");

    private final String value;

    ResourceKind(String value) {
        this.value = value;
    }

    /** The lower-case name used in the API, the database and events. */
    public String value() {
        return value;
    }

    /** Resources of these kinds can contain others. */
    public boolean isContainer() {
        return this != FILE;
    }

    /** Exact, lower-case match; empty for anything else. */
    public static Optional<ResourceKind> parse(String value) {
        return Arrays.stream(values()).filter(kind -> kind.value.equals(value)).findFirst();
    }
}
