package io.shareflow.api.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Installs {@link TokenMaskingTurboFilter} first in logback's turbo filters when the application starts (after Boot
 * has configured logging, before the server takes requests); once per logger context. A reset of the context (Boot
 * configures logging again whenever another application starts in the same JVM, as tests do) empties the turbo
 * filters: a reset-resistant listener puts the filter back each time.
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
            addFilter(context);
            if (context.getCopyOfListenerList().stream().noneMatch(ReinstallOnReset.class::isInstance)) {
                context.addListener(new ReinstallOnReset());
            }
        }
    }

    private static void addFilter(LoggerContext context) {
        if (context.getTurboFilterList().stream().noneMatch(TokenMaskingTurboFilter.class::isInstance)) {
            TokenMaskingTurboFilter filter = new TokenMaskingTurboFilter();
            filter.setName("link-token-masking");
            filter.setContext(context);
            filter.start();
            context.getTurboFilterList().add(0, filter);
        }
    }

    /** Survives a reset (and is told of it after the turbo filters were cleared): the filter goes back at once. */
    private static final class ReinstallOnReset implements LoggerContextListener {

        @Override
        public boolean isResetResistant() {
            return true;
        }

        @Override
        public void onReset(LoggerContext context) {
            addFilter(context);
        }

        @Override
        public void onStart(LoggerContext context) {
        }

        @Override
        public void onStop(LoggerContext context) {
        }

        @Override
        public void onLevelChange(Logger logger, Level level) {
        }
    }
}
