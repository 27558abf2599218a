package io.shareflow.api.resource.model;

import java.util.Arrays;
import java.util.Optional;

/** The type of a file; only some types may leave the organisation by sharing. */
public enum DocumentType {
    ASSET_DOCUMENT("asset-document", true),
    MAINTENANCE_FILE("maintenance-file", true),
    INTERNAL("internal", false);

    private final String value;
    private final boolean shareable;

    DocumentType(String value, boolean shareable) {
        this.value = value;
        this.shareable = shareable;
    }

    public String value() {
        return value;
    }

    public boolean isShareable() {
        return shareable;
    }

    /** Exact, lower-case match; empty for anything else. */
    public static Optional<DocumentType> parse(String value) {
        return Arrays.stream(values()).filter(type -> type.value.equals(value)).findFirst();
    }
}
