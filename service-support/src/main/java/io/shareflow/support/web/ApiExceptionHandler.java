package io.shareflow.support.web;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.shareflow.domain.Conflict;
import io.shareflow.domain.Gone;
import io.shareflow.domain.InvalidRequest;
import io.shareflow.domain.NotFound;
import io.shareflow.domain.RefusedRequest;
import io.shareflow.support.Causes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Renders every exception that escapes a controller as the error envelope of DESIGN.md.
 *
 * <p>Lowest precedence, so a service's own {@code @RestControllerAdvice} for a specific exception wins.
 * Spring Security's exceptions are re-thrown so that its filter answers 401/403 (with the same envelope),
 * because only it knows whether the caller is anonymous.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final HttpStatus BAD_REQUEST = HttpStatus.BAD_REQUEST;
    /**
     * {@code Retry-After} of a 503 for a database that cannot be reached: a restart or fail-over takes seconds, and
     * the pool reconnects by itself the moment the database answers again.
     */
    static final Duration DATABASE_RETRY_AFTER = Duration.ofSeconds(5);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ErrorEnvelope> apiException(ApiException ex, HttpServletRequest request) {
        if (ex.status().is5xxServerError()) {
            log.warn("{} {} answered {}: {}", request.getMethod(), request.getRequestURI(), ex.status().value(), ex.getMessage());
        }
        return ErrorResponses.of(request, ex);
    }

    /** The domain's refusals ({@code io.shareflow.domain}): every service throws them, none maps them itself. */
    @ExceptionHandler(InvalidRequest.class)
    ResponseEntity<ErrorEnvelope> invalidRequest(InvalidRequest ex, HttpServletRequest request) {
        return apiException(ApiException.badRequest(
                "Invalid value for " + ex.field() + ": " + ex.getMessage().replaceAll("\\.+$", "") + ".", ex.field()),
                request);
    }

    @ExceptionHandler(RefusedRequest.class)
    ResponseEntity<ErrorEnvelope> refusedRequest(RefusedRequest ex, HttpServletRequest request) {
        return apiException(ApiException.unprocessable(ex.getMessage(), ex.details()), request);
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ErrorEnvelope> notFound(NotFound ex, HttpServletRequest request) {
        return apiException(ApiException.notFound(ex.getMessage()), request);
    }

    @ExceptionHandler(Gone.class)
    ResponseEntity<ErrorEnvelope> gone(Gone ex, HttpServletRequest request) {
        return apiException(ApiException.gone(ex.getMessage()), request);
    }

    @ExceptionHandler(Conflict.class)
    ResponseEntity<ErrorEnvelope> conflict(Conflict ex, HttpServletRequest request) {
        return apiException(ex.field() == null ? ApiException.conflict(ex.getMessage())
                : new ApiException(HttpStatus.CONFLICT, ErrorCodes.CONFLICT, ex.getMessage(),
                        Map.of(ApiError.FIELD, ex.field())), request);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ErrorEnvelope> invalidBody(MethodArgumentNotValidException ex, HttpServletRequest request) {
        return ErrorResponses.of(request, BAD_REQUEST, ValidationErrors.of(ex.getBindingResult()));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ErrorEnvelope> invalidParameters(HandlerMethodValidationException ex, HttpServletRequest request) {
        return ErrorResponses.of(request, BAD_REQUEST, ValidationErrors.of(ex));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ErrorEnvelope> constraintViolations(ConstraintViolationException ex, HttpServletRequest request) {
        return ErrorResponses.of(request, BAD_REQUEST, ValidationErrors.of(ex));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorEnvelope> unreadableBody(HttpMessageNotReadableException ex, HttpServletRequest request) {
        RequestBodyTooLarge tooLarge = Causes.find(ex, RequestBodyTooLarge.class);
        if (tooLarge != null) {
            return bodyTooLarge(tooLarge, request);
        }
        return ErrorResponses.of(request, BAD_REQUEST, UnreadableBodyErrors.of(ex, request.getContentType()));
    }

    /** A chunked body cut by {@link RequestBodyLimitFilter}, read by something other than a message converter. */
    @ExceptionHandler(RequestBodyTooLarge.class)
    ResponseEntity<ErrorEnvelope> bodyTooLarge(RequestBodyTooLarge ex, HttpServletRequest request) {
        return ErrorResponses.of(request, HttpStatus.CONTENT_TOO_LARGE,
                ApiError.of(ErrorCodes.PAYLOAD_TOO_LARGE, RequestBodyTooLarge.message(ex.limit())));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorEnvelope> typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
        String message = "Invalid value for " + ex.getName() + ": expected " + TypeDescriptions.expected(ex.getRequiredType()) + ".";
        return ErrorResponses.of(request, BAD_REQUEST, ApiError.forField(ErrorCodes.BAD_REQUEST, message, ex.getName()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ErrorEnvelope> missingParameter(MissingServletRequestParameterException ex, HttpServletRequest request) {
        String message = "Missing required query parameter " + ex.getParameterName() + ".";
        return ErrorResponses.of(request, BAD_REQUEST, ApiError.forField(ErrorCodes.BAD_REQUEST, message, ex.getParameterName()));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ErrorEnvelope> missingPart(MissingServletRequestPartException ex, HttpServletRequest request) {
        String message = "Missing required part " + ex.getRequestPartName() + ".";
        return ErrorResponses.of(request, BAD_REQUEST, ApiError.forField(ErrorCodes.BAD_REQUEST, message, ex.getRequestPartName()));
    }

    /** Names the header in {@code extension.header} (it is not a body field). */
    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ErrorEnvelope> missingHeader(MissingRequestHeaderException ex, HttpServletRequest request) {
        String message = "Missing required header " + ex.getHeaderName() + ".";
        ApiError error = new ApiError(ErrorCodes.BAD_REQUEST, message, Map.of("header", ex.getHeaderName()));
        return ErrorResponses.of(request, BAD_REQUEST, error);
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<ErrorEnvelope> noSuchPath(Exception ex, HttpServletRequest request) {
        String message = "No resource at " + request.getMethod() + " " + request.getRequestURI() + ".";
        return ErrorResponses.of(request, HttpStatus.NOT_FOUND, ApiError.of(ErrorCodes.NOT_FOUND, message));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorEnvelope> methodNotAllowed(HttpRequestMethodNotSupportedException ex, HttpServletRequest request) {
        String allowed = ex.getSupportedHttpMethods() == null ? "" : ex.getSupportedHttpMethods().stream()
                .map(Object::toString).sorted().collect(Collectors.joining(", "));
        String message = "Method " + ex.getMethod() + " is not supported here"
                + (allowed.isEmpty() ? "." : "; allowed: " + allowed + ".");
        ResponseEntity.BodyBuilder response = ErrorResponses.builder(request, HttpStatus.METHOD_NOT_ALLOWED);
        if (!allowed.isEmpty()) {
            response.header(HttpHeaders.ALLOW, allowed);
        }
        return response.body(ErrorEnvelope.of(ApiError.of(ErrorCodes.METHOD_NOT_ALLOWED, message)));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorEnvelope> unsupportedMediaType(HttpMediaTypeNotSupportedException ex, HttpServletRequest request) {
        String supported = MediaType.toString(ex.getSupportedMediaTypes());
        String message = (ex.getContentType() == null ? "A Content-Type header is required" : "Content type "
                + ex.getContentType().getType() + "/" + ex.getContentType().getSubtype() + " is not supported")
                + (supported.isEmpty() ? "." : "; use " + supported + ".");
        ResponseEntity.BodyBuilder response = ErrorResponses.builder(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        if (!supported.isEmpty()) {
            response.header(HttpHeaders.ACCEPT, supported);
        }
        return response.body(ErrorEnvelope.of(ApiError.of(ErrorCodes.UNSUPPORTED_MEDIA_TYPE, message)));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ErrorEnvelope> notAcceptable(HttpMediaTypeNotAcceptableException ex, HttpServletRequest request) {
        String supported = MediaType.toString(ex.getSupportedMediaTypes());
        String message = "None of the media types in Accept can be produced"
                + (supported.isEmpty() ? "." : "; available: " + supported + ".");
        return ErrorResponses.of(request, HttpStatus.NOT_ACCEPTABLE, ApiError.of(ErrorCodes.NOT_ACCEPTABLE, message));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ErrorEnvelope> tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request) {
        String message = ex.getMaxUploadSize() > 0
                ? "The request body is too large; the limit is " + ex.getMaxUploadSize() + " bytes."
                : "The request body is too large.";
        return ErrorResponses.of(request, HttpStatus.CONTENT_TOO_LARGE, ApiError.of(ErrorCodes.PAYLOAD_TOO_LARGE, message));
    }

    /**
     * A unique-key violation is the database's way of saying "already exists" (e.g. two requests racing to
     * create the same user): 409. Other integrity violations also contradict the stored state; they are
     * logged because a service should normally have refused them earlier.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ErrorEnvelope> integrityViolation(DataIntegrityViolationException ex, HttpServletRequest request) {
        String message;
        if (isDuplicateKey(ex)) {
            message = "This conflicts with an existing resource.";
            log.debug("Duplicate key on {} {}", request.getMethod(), request.getRequestURI(), ex);
        } else {
            message = "This conflicts with the current state of the resource.";
            log.warn("Data integrity violation on {} {} (traceId={}): {}", request.getMethod(), request.getRequestURI(),
                    ErrorResponses.traceId(), ex.getMostSpecificCause().getMessage());
        }
        return ErrorResponses.of(request, HttpStatus.CONFLICT, ApiError.of(ErrorCodes.CONFLICT, message));
    }

    /** Let Spring Security's ExceptionTranslationFilter decide between 401 and 403 (e.g. {@code @PreAuthorize}). */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void rethrowSecurityException(RuntimeException ex) {
        throw ex;
    }

    /** The client went away; there is nobody to answer. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientDisconnected(AsyncRequestNotUsableException ex) {
        log.debug("Client disconnected: {}", ex.getMessage());
    }

    /**
     * Everything else: Spring's own 4xx exceptions keep their status (their detail texts are written for
     * clients); all others are a 500 with a generic message and a trace id, the details only in the log.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorEnvelope> unexpected(Exception ex, HttpServletRequest request) {
        RequestBodyTooLarge tooLarge = Causes.find(ex, RequestBodyTooLarge.class);
        if (tooLarge != null) {
            return bodyTooLarge(tooLarge, request);
        }
        Throwable databaseAway = DatabaseUnavailable.cause(ex);
        if (databaseAway != null) {
            return databaseUnavailable(request, request.getRequestURI(), databaseAway, log);
        }
        if (ex instanceof ErrorResponse response && !response.getStatusCode().is5xxServerError()) {
            return clientError(response, request);
        }
        if (ex instanceof ErrorResponse response && response.getStatusCode().value() == 503) {
            String message = "The service is temporarily unavailable; please retry later.";
            return ErrorResponses.of(request, response.getStatusCode(), ApiError.of(ErrorCodes.SERVICE_UNAVAILABLE, message));
        }
        return ErrorResponses.internalError(request, ex, log);
    }

    /**
     * The database cannot be reached (it is down, restarting, or the pool found no connection within its
     * {@code connection-timeout}): 503 {@code ServiceUnavailable} with {@code Retry-After}, and one WARN line without
     * a stack trace — during an outage every request fails the same way, and a trace each would bury the log.
     */
    static ResponseEntity<ErrorEnvelope> databaseUnavailable(HttpServletRequest request, String uri, Throwable cause,
                                                             Logger log) {
        List<Throwable> chain = Causes.chain(cause);
        Throwable root = chain.get(chain.size() - 1);
        log.warn("{} {} answered 503, the database is unavailable: {}{}", request.getMethod(), uri, describe(cause),
                root == cause ? "" : " (root cause: " + describe(root) + ")");
        return ErrorResponses.of(request, ApiException.serviceUnavailable(DatabaseUnavailable.MESSAGE, DATABASE_RETRY_AFTER));
    }

    private static String describe(Throwable exception) {
        return exception.getClass().getName() + ": " + exception.getMessage();
    }

    private static ResponseEntity<ErrorEnvelope> clientError(ErrorResponse response, HttpServletRequest request) {
        HttpStatusCode status = response.getStatusCode();
        String message = response instanceof ResponseStatusException rse ? rse.getReason() : response.getBody().getDetail();
        if (message == null || message.isBlank()) {
            HttpStatus known = HttpStatus.resolve(status.value());
            message = known != null ? known.getReasonPhrase() + "." : "The request was refused.";
        }
        return ErrorResponses.of(request, status, ApiError.of(ErrorCodes.forStatus(status.value()), message));
    }

    private static boolean isDuplicateKey(DataIntegrityViolationException ex) {
        if (ex instanceof DuplicateKeyException) {
            return true;
        }
        // 23505 = unique_violation in PostgreSQL and the SQL standard's class 23 (integrity constraint).
        return Causes.chain(ex).stream().anyMatch(t -> t instanceof SQLException sql && "23505".equals(sql.getSQLState()));
    }
}
