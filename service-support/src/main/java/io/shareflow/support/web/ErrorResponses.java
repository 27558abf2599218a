package io.shareflow.support.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.MDC;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Builds error responses the same way for the controller advice and the {@code /error} fallback.
 *
 * <p>The content type is chosen here rather than by MVC content negotiation: an error must be rendered
 * even when the client's {@code Accept} cannot be satisfied (406, or a browser asking for HTML), so we pick
 * XML when the client prefers it and the service has Jackson XML, and JSON otherwise.
 */
final class ErrorResponses {

    private static final boolean XML_PRESENT =
            ClassUtils.isPresent("tools.jackson.dataformat.xml.XmlMapper", ErrorResponses.class.getClassLoader());

    private ErrorResponses() {
    }

    static ResponseEntity<ErrorEnvelope> of(HttpServletRequest request, HttpStatusCode status, ApiError error) {
        return of(request, status, List.of(error));
    }

    static ResponseEntity<ErrorEnvelope> of(HttpServletRequest request, HttpStatusCode status, List<ApiError> errors) {
        return builder(request, status).body(new ErrorEnvelope(errors));
    }

    static ResponseEntity.BodyBuilder builder(HttpServletRequest request, HttpStatusCode status) {
        return ResponseEntity.status(status).contentType(mediaTypeFor(request));
    }

    /** An {@link ApiException}'s status and error, with its {@code Retry-After} in whole seconds, rounded up. */
    static ResponseEntity<ErrorEnvelope> of(HttpServletRequest request, ApiException ex) {
        ResponseEntity.BodyBuilder response = builder(request, ex.status());
        if (ex.retryAfter() != null) {
            long seconds = Math.max(1, (ex.retryAfter().toMillis() + 999) / 1000);
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        }
        return response.body(ErrorEnvelope.of(ex.error()));
    }

    /** 500 with a generic message; the details go only to the log, keyed by the trace id in the body. */
    static ResponseEntity<ErrorEnvelope> internalError(HttpServletRequest request, Throwable ex, Logger log) {
        String traceId = traceId();
        // In the /error dispatch the request URI is "/error"; the servlet container keeps the original one.
        Object originalUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = originalUri != null ? originalUri.toString() : request.getRequestURI();
        log.error("Unexpected error on {} {} (traceId={})", request.getMethod(), uri, traceId, ex);
        ApiError error = new ApiError(ErrorCodes.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred. Please quote traceId " + traceId + " when reporting it.",
                Map.of("traceId", traceId));
        return of(request, HttpStatusCode.valueOf(500), error);
    }

    /** The tracing trace id when Micrometer Tracing put one in the MDC, so body and logs agree; else a fresh one. */
    static String traceId() {
        String fromTracing = MDC.get("traceId");
        return StringUtils.hasText(fromTracing) ? fromTracing : UUID.randomUUID().toString();
    }

    static MediaType mediaTypeFor(HttpServletRequest request) {
        if (!XML_PRESENT) {
            return MediaType.APPLICATION_JSON;
        }
        List<MediaType> accepted;
        try {
            accepted = new ArrayList<>(MediaType.parseMediaTypes(Collections.list(request.getHeaders(HttpHeaders.ACCEPT))));
        } catch (InvalidMediaTypeException e) {
            return MediaType.APPLICATION_JSON;
        }
        accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : accepted) {
            if (type.includes(MediaType.APPLICATION_JSON)) {
                return MediaType.APPLICATION_JSON;
            }
            if (type.includes(MediaType.APPLICATION_XML) || type.includes(MediaType.TEXT_XML)) {
                return MediaType.APPLICATION_XML;
            }
        }
        return MediaType.APPLICATION_JSON;
    }
}
