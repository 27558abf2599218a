package io.shareflow.support.security;

import java.io.IOException;

import io.shareflow.support.web.ApiError;
import io.shareflow.support.web.ErrorCodes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 {@code Unauthorized} with the envelope, for a missing, malformed, badly signed, unsigned or expired
 * token alike. Spring's bearer entry point still adds the RFC 6750 {@code WWW-Authenticate} header; its
 * 400 for a malformed header is turned into 401 because the contract says a bad token is 401.
 */
final class EnvelopeAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    private final SecurityErrorWriter writer;

    EnvelopeAuthenticationEntryPoint(SecurityErrorWriter writer) {
        this.writer = writer;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        bearer.commence(request, response, ex);
        writer.write(response, HttpServletResponse.SC_UNAUTHORIZED, ApiError.of(ErrorCodes.UNAUTHORIZED, messageFor(ex)));
    }

    private static String messageFor(AuthenticationException ex) {
        if (ex instanceof OAuth2AuthenticationException oauth) {
            String description = oauth.getError().getDescription();
            boolean expired = description != null && description.toLowerCase().contains("expired");
            return expired ? "The bearer token has expired." : "The bearer token is invalid.";
        }
        return "Authentication required: send a bearer token in the Authorization header.";
    }
}
