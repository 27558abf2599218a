package io.shareflow.support.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Replaces Boot's {@code BasicErrorController}: errors that never reached a controller (an exception or
 * {@code sendError} in a servlet filter, the container's own error pages) get the envelope too.
 * A filter may throw {@link ApiException} to answer with a specific status and message.
 */
@Controller
@RequestMapping("${spring.web.error.path:${error.path:/error}}")
class EnvelopeErrorController implements ErrorController {

    /**
     * A request attribute holding the {@link ApiException} a filter answered with by {@code sendError} (rather than
     * by throwing it, which the servlet container logs as a failure): the error dispatch renders it.
     */
    static final String ERROR_ATTRIBUTE = EnvelopeErrorController.class.getName() + ".error";

    private static final Logger log = LoggerFactory.getLogger(EnvelopeErrorController.class);

    private final ErrorAttributes errorAttributes;

    EnvelopeErrorController(ErrorAttributes errorAttributes) {
        this.errorAttributes = errorAttributes;
    }

    @RequestMapping
    ResponseEntity<ErrorEnvelope> error(HttpServletRequest request) {
        Throwable error = request.getAttribute(ERROR_ATTRIBUTE) instanceof ApiException answered ? answered
                : unwrap(errorAttributes.getError(new ServletWebRequest(request)));
        if (error instanceof ApiException api) {
            return ErrorResponses.of(request, api);
        }
        Throwable databaseAway = DatabaseUnavailable.cause(error);
        if (databaseAway != null) {
            // A filter that needed the database (in the /error dispatch the request URI is "/error").
            Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            return ApiExceptionHandler.databaseUnavailable(request, uri != null ? uri.toString() : request.getRequestURI(),
                    databaseAway, log);
        }
        HttpStatusCode status = statusOf(request, error);
        if (status.is5xxServerError() && status.value() != 503) {
            return ErrorResponses.internalError(request, error != null ? error : new ServletException(
                    "Status " + status.value() + " for " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)), log);
        }
        return ErrorResponses.of(request, status, ApiError.of(ErrorCodes.forStatus(status.value()), messageFor(status)));
    }

    private static HttpStatusCode statusOf(HttpServletRequest request, Throwable error) {
        if (error instanceof ErrorResponse response) {
            return response.getStatusCode();
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer status && status >= 400) {
            return HttpStatusCode.valueOf(status);
        }
        // Someone asked for /error directly: there is no error, and nothing to see here.
        return HttpStatus.NOT_FOUND;
    }

    private static String messageFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 401 -> "Authentication required.";
            case 403 -> "You do not have permission to do this.";
            case 404 -> "Not found.";
            case 413 -> "The request body is too large.";
            case 429 -> "Too many requests; please retry later.";
            case 503 -> "The service is temporarily unavailable; please retry later.";
            default -> {
                HttpStatus known = HttpStatus.resolve(status.value());
                yield known != null ? known.getReasonPhrase() + "." : "The request was refused.";
            }
        };
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while (t instanceof ServletException && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
