package io.shareflow.support.web;

import java.util.List;

import io.shareflow.support.Causes;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Explains a body that could not be read: where (line and column), which field (as a JSON path like
 * {@code recipients[1].role}) and what was expected. Jackson's own messages name Java classes, so none of
 * them is passed through.
 */
final class UnreadableBodyErrors {

    private UnreadableBodyErrors() {
    }

    /**
     * @param contentType the request's {@code Content-Type} header, null when absent
     */
    static ApiError of(HttpMessageNotReadableException ex, String contentType) {
        JacksonException jackson = jacksonCause(ex);
        if (jackson == null) {
            // Spring's message here contains the controller method's signature: say it plainly instead.
            String message = String.valueOf(ex.getMessage()).startsWith("Required request body is missing")
                    ? "A request body is required." : "The request body could not be read.";
            return ApiError.of(ErrorCodes.BAD_REQUEST, message);
        }
        String field = fieldOf(jackson.getPath());
        String at = positionOf(jackson.getLocation());
        if (jackson instanceof StreamConstraintsException) {
            // Nesting depth, length of a number, string or name: Jackson's StreamReadConstraints.
            return ApiError.forField(ErrorCodes.BAD_REQUEST, "The request body is nested too deeply or holds too long a value"
                    + at + ".", field);
        }
        if (jackson instanceof UnrecognizedPropertyException) {
            return ApiError.forField(ErrorCodes.BAD_REQUEST, "Unknown field " + field + at + ".", field);
        }
        if (jackson instanceof MismatchedInputException mismatch) {
            String expected = "expected " + TypeDescriptions.expected(mismatch.getTargetType());
            String message = field == null
                    ? "Invalid request body" + at + ": " + expected + "."
                    : "Invalid value for " + field + at + ": " + expected + ".";
            return ApiError.forField(ErrorCodes.BAD_REQUEST, message, field);
        }
        if (jackson instanceof DatabindException && field != null) {
            return ApiError.forField(ErrorCodes.BAD_REQUEST, "Invalid value for " + field + at + ".", field);
        }
        return ApiError.forField(ErrorCodes.BAD_REQUEST, "Malformed " + formatOf(contentType) + at + ".", field);
    }

    /** {@code recipients[1].email} from Jackson's reference chain; null when the error is not inside a field. */
    static String fieldOf(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? null : field.toString();
    }

    private static String positionOf(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String formatOf(String contentType) {
        try {
            MediaType type = contentType == null ? null : MediaType.parseMediaType(contentType);
            boolean xml = type != null && (type.getSubtype().equals("xml") || type.getSubtype().endsWith("+xml"));
            return xml ? "XML" : "JSON";
        } catch (InvalidMediaTypeException e) {
            return "request body";
        }
    }

    private static JacksonException jacksonCause(Throwable ex) {
        return Causes.find(ex, JacksonException.class);
    }
}
