package io.shareflow.api.access.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a share reaches a resource, nearest first: a share of the resource itself, of a folder above it, or of a
 * collection that holds it (or holds a folder above it).
 */
public enum Via {
    DIRECT("direct"), INHERITED("inherited"), COLLECTION("collection");

    private final String value;

    Via(String value) {
        this.value = value;
    }

    /** The lower-case name of the API and the queries. */
    public String value() {
        return value;
    }

    public static Optional<Via> parse(String value) {
        return Arrays.stream(values()).filter(via -> via.value.equals(value)).findFirst();
    }
}
