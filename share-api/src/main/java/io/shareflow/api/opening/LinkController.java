package io.shareflow.api.opening;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.shareflow.api.share.model.LinkToken;
import io.shareflow.domain.InvalidRequest;
import io.shareflow.support.openapi.ApiErrors;
import io.shareflow.support.openapi.ApiExample;
import io.shareflow.support.openapi.ApiPublic;
import io.shareflow.support.openapi.ErrorExample;
import io.shareflow.support.security.CurrentUser;
import io.shareflow.support.web.ApiError;
import io.shareflow.support.web.DataEnvelope;
import io.shareflow.support.web.ErrorCodes;
import io.shareflow.support.web.ErrorEnvelope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/links/{token}}: opens a share for an API client. A bearer token is optional (here the
 * {@code shareflow_session} cookie counts too); a password link's password comes in {@value #PASSWORD_HEADER}.
 * Every answer is {@code Cache-Control: no-store} and {@code Referrer-Policy: no-referrer}.
 */
@RestController
class LinkController {

    static final String PASSWORD_HEADER = "X-Share-Password";
    /** Longer values are refused (400); up to this, a password BCrypt cannot read simply does not match. */
    static final int MAX_PASSWORD_LENGTH = 1024;

    private final LinkOpener opener;

    LinkController(LinkOpener opener) {
        this.opener = opener;
    }

    /**
     * The token is bound as a {@link LinkToken} (whose {@code toString} hides it) and the password read from the
     * request, so neither appears in the framework's argument logging.
     */
    @Operation(summary = "Open a share by its link token (a bearer optional; a password in X-Share-Password)",
            description = "For a folder or collection also its items (one level). Every answer is Cache-Control: no-store.")
    @Parameter(name = PASSWORD_HEADER, in = ParameterIn.HEADER, description = "The password of a password link.",
            schema = @Schema(type = "string"))
    @ApiPublic(bearerAccepted = true)
    @ApiExample(data = LinkResponse.class, response = OpeningExamples.OPENED)
    @ApiErrors(value = {401, 403, 404, 410, 429}, field = "token", examples = {
            @ErrorExample(status = 401, name = "SignInRequired", message = "Sign in to open this share.",
                    extension = OpeningExamples.SIGN_IN_REQUIRED),
            @ErrorExample(status = 401, name = "PasswordRequired",
                    message = "This link needs its password, in the X-Share-Password header.",
                    extension = OpeningExamples.PASSWORD_REQUIRED),
            @ErrorExample(status = 401, name = "WrongPassword", message = "The password is wrong.",
                    extension = OpeningExamples.WRONG_PASSWORD),
            @ErrorExample(status = 403, message = "This share is not for you; ask Alice Archer (alice@acme.example) for access.",
                    extension = OpeningExamples.OUTSIDE_AUDIENCE),
            @ErrorExample(status = 404, message = "No share has this link.", extension = OpeningExamples.UNKNOWN_TOKEN),
            @ErrorExample(status = 410, name = "Expired", message = "This share has expired.",
                    extension = OpeningExamples.EXPIRED),
            @ErrorExample(status = 410, name = "Revoked", message = "This share was revoked.",
                    extension = OpeningExamples.REVOKED),
            @ErrorExample(status = 410, name = "Rejected", message = "This share does not work: its recipient was refused "
                    + "(the recipient is a user of another organisation).", extension = OpeningExamples.REJECTED),
            @ErrorExample(status = 429, name = "LockedOut", message = "Too many wrong passwords for this link; try again later.",
                    extension = OpeningExamples.LOCKED_OUT),
            @ErrorExample(status = 429, name = "RateLimited", message = "Too many attempts to open links; try again later.",
                    extension = OpeningExamples.RATE_LIMITED)})
    @GetMapping("/v1/links/{token}")
    ResponseEntity<?> open(@PathVariable LinkToken token, Optional<CurrentUser> caller, HttpServletRequest request) {
        if (!LinkToken.isWellFormed(token.value())) {
            throw new InvalidRequest("token", "must be a link token: " + LinkToken.Shape.MIN_LENGTH + " to "
                    + LinkToken.Shape.MAX_LENGTH + " characters of URL-safe base64");
        }
        String password = request.getHeader(PASSWORD_HEADER);
        if (password != null && password.length() > MAX_PASSWORD_LENGTH) {
            throw new InvalidRequest(PASSWORD_HEADER, "must be at most " + MAX_PASSWORD_LENGTH + " characters");
        }
        Opening opening = opener.open(new OpenAttempt(token.value(), caller.orElse(null), utf8(password), null,
                request.getRemoteAddr(), Channel.API));
        if (opening instanceof Opening.Opened opened) {
            return ResponseEntity.ok()
                    .cacheControl(CacheControl.noStore())
                    .body(DataEnvelope.of(LinkResponse.of(opened.share())));
        }
        return refusal((Opening.Refused) opening);
    }

    private static ResponseEntity<ErrorEnvelope> refusal(Opening.Refused refused) {
        Map<String, Object> extension = new LinkedHashMap<>();
        extension.put("refusal", refused.refusal().name());
        String message = switch (refused.refusal()) {
            case UNKNOWN_TOKEN -> "No share has this link.";
            case SIGN_IN_REQUIRED -> {
                extension.put("required", "sign-in");
                yield "Sign in to open this share.";
            }
            case PASSWORD_REQUIRED -> {
                extension.put("required", "password");
                yield "This link needs its password, in the " + PASSWORD_HEADER + " header.";
            }
            case WRONG_PASSWORD -> {
                extension.put("required", "password");
                yield "The password is wrong.";
            }
            case OUTSIDE_AUDIENCE -> {
                SharedBy sharer = refused.askWhom();
                if (sharer != null) {
                    Map<String, Object> askWhom = new LinkedHashMap<>();
                    askWhom.put("name", sharer.name());
                    askWhom.put("email", sharer.email());
                    extension.put("askWhom", askWhom);
                }
                yield "This share is not for you" + (sharer == null ? "." : "; ask " + describe(sharer) + " for access.");
            }
            case EXPIRED -> "This share has expired.";
            case REVOKED -> "This share was revoked.";
            case REJECTED -> {
                if (refused.detail() != null) {
                    extension.put("reason", refused.detail());
                }
                yield "This share does not work: its recipient was refused"
                        + (refused.detail() == null ? "." : " (" + refused.detail() + ").");
            }
            case LOCKED_OUT -> "Too many wrong passwords for this link; try again later.";
            case RATE_LIMITED -> "Too many attempts to open links; try again later.";
        };
        int status = refused.refusal().httpStatus();
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).cacheControl(CacheControl.noStore());
        if (refused.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds(refused.retryAfter())));
        }
        if (status == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.body(ErrorEnvelope.of(new ApiError(ErrorCodes.forStatus(status), message, extension)));
    }

    private static String describe(SharedBy sharer) {
        if (sharer.name() != null && sharer.email() != null) {
            return sharer.name() + " (" + sharer.email() + ")";
        }
        return sharer.name() != null ? sharer.name() : sharer.email() != null ? sharer.email() : "the person who shared it";
    }

    /** Rounded up to whole seconds, at least one. */
    static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /**
     * The servlet container reads header bytes as ISO-8859-1; clients send a non-ASCII password as UTF-8 (curl does).
     * Such a value is decoded again as UTF-8, so the password matches the one that was set; a value that is not
     * UTF-8 is kept as it came.
     */
    static String utf8(String header) {
        if (header == null || header.chars().allMatch(c -> c < 0x80) || header.chars().anyMatch(c -> c > 0xff)) {
            return header;
        }
        try {
            CharBuffer decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(header.getBytes(StandardCharsets.ISO_8859_1)));
            return decoded.toString();
        } catch (CharacterCodingException e) {
            return header;
        }
    }
}
