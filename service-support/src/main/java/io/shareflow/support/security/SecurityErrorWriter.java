package io.shareflow.support.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.shareflow.support.web.ApiError;
import io.shareflow.support.web.ErrorEnvelope;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

/** Writes the error envelope as JSON straight to the response, outside Spring MVC (security filters). */
final class SecurityErrorWriter {

    private final JsonMapper jsonMapper;

    SecurityErrorWriter(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    void write(HttpServletResponse response, int status, ApiError error) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(jsonMapper.writeValueAsBytes(ErrorEnvelope.of(error)));
        response.flushBuffer();
    }
}
