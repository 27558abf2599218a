package io.shareflow.api.opening;

/** Why a share did not open; the HTTP status of {@code GET /v1/links/{token}} in brackets. */
public enum Refusal {
    /** No share has this token (404). */
    UNKNOWN_TOKEN(404),
    /** Only a signed-in user may open it: a direct share whose recipient has an account or requires sign-in, or an
     * {@code organization} / {@code users} link (401). */
    SIGN_IN_REQUIRED(401),
    /** A password link, opened without a password (401). */
    PASSWORD_REQUIRED(401),
    /** A password link, opened with a wrong one (401). */
    WRONG_PASSWORD(401),
    /** Signed in, but not as someone the share is for (403); {@link Opening.Refused#askWhom()} names the sharer. */
    OUTSIDE_AUDIENCE(403),
    /** Its expiry passed (410). */
    EXPIRED(410),
    /** Revoked (410). */
    REVOKED(410),
    /** Provisioning refused its recipient (410); {@link Opening.Refused#detail()} says why. */
    REJECTED(410),
    /** Too many wrong passwords for this share lately (429, {@link Opening.Refused#retryAfter()}). */
    LOCKED_OUT(429),
    /** Too many opening attempts for this token or from this address (429, {@link Opening.Refused#retryAfter()}). */
    RATE_LIMITED(429);

    private final int httpStatus;

    Refusal(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    /** The status {@code GET /v1/links/{token}} answers with. */
    public int httpStatus() {
        return httpStatus;
    }
}
