package io.shareflow.support.web;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import org.springframework.http.HttpStatus;

/**
 * An error a controller, service or filter throws on purpose; rendered as the error envelope with its
 * status, code, message and extension. Use the factories; the message is shown to the client as is, so it
 * must not contain internals.
 *
 * <p>All factory arguments are not null unless stated otherwise.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final transient ApiError error;
    private final Duration retryAfter;

    /**
     * @param status    the HTTP status, not null
     * @param errorCode the envelope's error code, normally {@link ErrorCodes#forStatus} of {@code status}; not null
     * @param message   the client-facing message, not null
     * @param extension details for the client; null means none
     */
    public ApiException(HttpStatus status, String errorCode, String message, Map<String, Object> extension) {
        this(status, new ApiError(errorCode, message, extension), null);
    }

    private ApiException(HttpStatus status, ApiError error, Duration retryAfter) {
        super(error.message());
        this.status = Objects.requireNonNull(status, "status");
        this.error = error;
        this.retryAfter = retryAfter;
    }

    private static ApiException of(HttpStatus status, String message, Map<String, Object> extension) {
        return new ApiException(status, ErrorCodes.forStatus(status.value()), message, extension);
    }

    /**
     * 400 {@code BadRequest} about one field.
     *
     * @param field the field's path, e.g. {@code recipients[1].email}; null when no single field is at fault
     */
    public static ApiException badRequest(String message, String field) {
        return of(HttpStatus.BAD_REQUEST, message, field == null ? null : Map.of(ApiError.FIELD, field));
    }

    /** 400 {@code BadRequest} not about a single field. */
    public static ApiException badRequest(String message) {
        return badRequest(message, null);
    }

    /** 401 {@code Unauthorized}. */
    public static ApiException unauthorized(String message) {
        return of(HttpStatus.UNAUTHORIZED, message, null);
    }

    /** 403 {@code NoPermission}. */
    public static ApiException noPermission(String message) {
        return of(HttpStatus.FORBIDDEN, message, null);
    }

    /** 404 {@code NotFound}. */
    public static ApiException notFound(String message) {
        return of(HttpStatus.NOT_FOUND, message, null);
    }

    /** 409 {@code Conflict}. */
    public static ApiException conflict(String message) {
        return of(HttpStatus.CONFLICT, message, null);
    }

    /** 410 {@code Gone}. */
    public static ApiException gone(String message) {
        return of(HttpStatus.GONE, message, null);
    }

    /** 413 {@code PayloadTooLarge}. */
    public static ApiException payloadTooLarge(String message) {
        return of(HttpStatus.CONTENT_TOO_LARGE, message, null);
    }

    /**
     * 422 {@code UnprocessableEntity}: a well-formed request a business rule refuses.
     *
     * @param extension details, e.g. {@code Map.of("entityType", "Document")}; null means none
     */
    public static ApiException unprocessable(String message, Map<String, Object> extension) {
        return of(HttpStatus.UNPROCESSABLE_CONTENT, message, extension);
    }

    /** 429 {@code TooManyRequests}. */
    public static ApiException tooManyRequests(String message) {
        return of(HttpStatus.TOO_MANY_REQUESTS, message, null);
    }

    /**
     * 429 {@code TooManyRequests} with a {@code Retry-After} header.
     *
     * @param retryAfter when the client may try again; not null, rounded up to whole seconds
     */
    public static ApiException tooManyRequests(String message, Duration retryAfter) {
        Objects.requireNonNull(retryAfter, "retryAfter");
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS,
                ApiError.of(ErrorCodes.TOO_MANY_REQUESTS, message), retryAfter);
    }

    /** 503 {@code ServiceUnavailable}. */
    public static ApiException serviceUnavailable(String message) {
        return of(HttpStatus.SERVICE_UNAVAILABLE, message, null);
    }

    /**
     * 503 {@code ServiceUnavailable} with a {@code Retry-After} header.
     *
     * @param retryAfter when the client may try again; not null, rounded up to whole seconds
     */
    public static ApiException serviceUnavailable(String message, Duration retryAfter) {
        Objects.requireNonNull(retryAfter, "retryAfter");
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                ApiError.of(ErrorCodes.SERVICE_UNAVAILABLE, message), retryAfter);
    }

    /** @return the HTTP status, never null */
    public HttpStatus status() {
        return status;
    }

    /** @return the envelope entry, never null */
    public ApiError error() {
        return error;
    }

    /** @return the {@code Retry-After} delay, or null when there is none */
    public Duration retryAfter() {
        return retryAfter;
    }
}
