package io.shareflow.support.web;

/**
 * The {@code errorCode} values of the error envelope and the HTTP status each goes with.
 *
 * <p>DESIGN.md lists the codes of the share API; {@link #METHOD_NOT_ALLOWED}, {@link #NOT_ACCEPTABLE} and
 * {@link #UNSUPPORTED_MEDIA_TYPE} are added here because HTTP itself produces those statuses and a client
 * should be able to tell them from a {@code BadRequest}.
 */
public final class ErrorCodes {

    /** 400: anything wrong with the request itself (malformed body, missing or invalid field or parameter). */
    public static final String BAD_REQUEST = "BadRequest";
    /** 401: no bearer token, or a bad, expired or unsigned one. */
    public static final String UNAUTHORIZED = "Unauthorized";
    /** 403: authenticated, but the roles do not allow it. */
    public static final String NO_PERMISSION = "NoPermission";
    /** 404: no such resource, or one the caller may not see. */
    public static final String NOT_FOUND = "NotFound";
    /** 405: the path exists but not with this HTTP method (an {@code Allow} header lists the ones it has). */
    public static final String METHOD_NOT_ALLOWED = "MethodNotAllowed";
    /** 406: none of the media types in {@code Accept} can be produced. */
    public static final String NOT_ACCEPTABLE = "NotAcceptable";
    /** 409: conflicts with the current state (duplicate, idempotency key reused with another body). */
    public static final String CONFLICT = "Conflict";
    /** 410: existed but is expired or revoked. */
    public static final String GONE = "Gone";
    /** 413: the request body is too large. */
    public static final String PAYLOAD_TOO_LARGE = "PayloadTooLarge";
    /** 415: the {@code Content-Type} of the body is not supported. */
    public static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
    /** 422: well-formed, but a business rule refuses it. */
    public static final String UNPROCESSABLE_ENTITY = "UnprocessableEntity";
    /** 429: too many requests, e.g. wrong link passwords. */
    public static final String TOO_MANY_REQUESTS = "TooManyRequests";
    /** 500: a fault of the service; the body carries only a generic message and a trace id. */
    public static final String INTERNAL_SERVER_ERROR = "InternalServerError";
    /** 503: temporarily unable to serve. */
    public static final String SERVICE_UNAVAILABLE = "ServiceUnavailable";

    private ErrorCodes() {
    }

    /**
     * The error code for an HTTP status: the one listed above, else {@link #BAD_REQUEST} for other 4xx and
     * {@link #INTERNAL_SERVER_ERROR} for anything else.
     *
     * @param status an HTTP status code
     * @return never null
     */
    public static String forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> NO_PERMISSION;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 410 -> GONE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> UNPROCESSABLE_ENTITY;
            case 429 -> TOO_MANY_REQUESTS;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 400 && status < 500 ? BAD_REQUEST : INTERNAL_SERVER_ERROR;
        };
    }
}
