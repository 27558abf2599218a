package io.shareflow.support.web;

import java.util.List;
import java.util.Objects;

import tools.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import tools.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import tools.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * The body of every error response: {@code {"errors": [{"errorCode", "message", "extension"}]}}.
 * In XML: {@code <response><errors><error>...</error></errors></response>}.
 *
 * @param errors at least one error; not null, stored as an unmodifiable copy
 */
@JacksonXmlRootElement(localName = "response")
public record ErrorEnvelope(
        @JacksonXmlElementWrapper(localName = "errors") @JacksonXmlProperty(localName = "error") List<ApiError> errors) {

    public ErrorEnvelope {
        Objects.requireNonNull(errors, "errors");
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an error envelope needs at least one error");
        }
        errors = List.copyOf(errors);
    }

    /** An envelope with the given errors, in order; at least one, none null. */
    public static ErrorEnvelope of(ApiError... errors) {
        return new ErrorEnvelope(List.of(errors));
    }
}
