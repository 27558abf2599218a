package io.shareflow.support.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One error of an {@link ErrorEnvelope}: {@code {"errorCode", "message", "extension"}}.
 *
 * @param errorCode one of {@link ErrorCodes}, e.g. {@code BadRequest}; not null
 * @param message   a human-readable explanation for the client; never a stack trace, SQL or class name; not null
 * @param extension machine-readable details, e.g. {@code {"field": "recipients[1].email"}}; null is read as
 *                  empty, and the stored map is an unmodifiable copy in insertion order
 */
public record ApiError(String errorCode, String message,
                       @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, Object> extension) {

    /** Extension key naming the offending request field (property path, JSON path or parameter name). */
    public static final String FIELD = "field";

    public ApiError {
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(message, "message");
        // The contract says "extension is always present", so never let it be null.
        extension = extension == null || extension.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(extension));
    }

    /** An error without extension details. Both arguments not null. */
    public static ApiError of(String errorCode, String message) {
        return new ApiError(errorCode, message, Map.of());
    }

    /**
     * An error naming the offending field in {@code extension.field}.
     *
     * @param field the field's path; null means "no particular field" (empty extension)
     */
    public static ApiError forField(String errorCode, String message, String field) {
        return new ApiError(errorCode, message, field == null ? Map.of() : Map.of(FIELD, field));
    }
}
