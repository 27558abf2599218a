package io.shareflow.support.testapp;

import java.io.IOException;

import io.shareflow.support.web.ApiException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Fails outside Spring MVC, the way a servlet filter (rate limit, tracing) would. */
@Component
class FailingFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        switch (request.getRequestURI()) {
            case "/filter/boom" -> throw new IllegalStateException("filter failed: jdbc:postgresql://secret-host/db");
            case "/filter/limited" -> throw ApiException.tooManyRequests("Too many wrong passwords for this link.");
            case "/filter/unavailable" -> response.sendError(503);
            case "/filter/database-down" -> throw new DataAccessResourceFailureException("Failed to obtain JDBC Connection");
            default -> chain.doFilter(request, response);
        }
    }
}
