package io.shareflow.api.web;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Installs {@link TokenMaskingTurboFilter} first in logback's turbo filters when the application starts (after Boot
 * has configured logging, before the server takes requests); once per logger context.
 */
@Component
class TokenLogMasking {

    TokenLogMasking() {
        install(LoggerFactory.getILoggerFactory());
    }

    static void install(ILoggerFactory factory) {
        if (!(factory instanceof LoggerContext context)) {
            return;
        }
        synchronized (context) {
            if (context.getTurboFilterList().stream().noneMatch(TokenMaskingTurboFilter.class::isInstance)) {
                TokenMaskingTurboFilter filter = new TokenMaskingTurboFilter();
                filter.setName("link-token-masking");
                filter.setContext(context);
                filter.start();
                context.getTurboFilterList().add(0, filter);
            }
        }
    }
}
