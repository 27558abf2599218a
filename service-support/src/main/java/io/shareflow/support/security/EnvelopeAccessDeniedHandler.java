package io.shareflow.support.security;

import java.io.IOException;

import io.shareflow.support.web.ApiError;
import io.shareflow.support.web.ErrorCodes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 403 {@code NoPermission} with the envelope, for an authenticated caller whose roles do not allow the request. */
final class EnvelopeAccessDeniedHandler implements AccessDeniedHandler {

    private final BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
    private final SecurityErrorWriter writer;

    EnvelopeAccessDeniedHandler(SecurityErrorWriter writer) {
        this.writer = writer;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
            throws IOException {
        bearer.handle(request, response, ex);
        writer.write(response, HttpServletResponse.SC_FORBIDDEN,
                ApiError.of(ErrorCodes.NO_PERMISSION, "You do not have permission to do this."));
    }
}
