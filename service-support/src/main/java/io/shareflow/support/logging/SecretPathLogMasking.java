package io.shareflow.support.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Installs {@link SecretPathMaskingTurboFilter} first among logback's turbo filters, once Boot has configured logging
 * and before the server takes requests. One per logger context: a later application context in the same JVM (tests)
 * replaces the filter of an earlier one with its own.
 */
public final class SecretPathLogMasking {

    static final String FILTER_NAME = "shareflow-secret-path-masking";

    private final SecretPaths paths;

    SecretPathLogMasking(SecretPaths paths) {
        this.paths = paths;
        install(LoggerFactory.getILoggerFactory(), paths);
    }

    /** The paths whose secrets are cut from log lines. */
    public SecretPaths paths() {
        return paths;
    }

    static void install(ILoggerFactory factory, SecretPaths paths) {
        if (!(factory instanceof LoggerContext context)) {
            return;
        }
        synchronized (context) {
            context.getTurboFilterList().removeIf(filter -> filter instanceof SecretPathMaskingTurboFilter);
            SecretPathMaskingTurboFilter filter = new SecretPathMaskingTurboFilter(paths);
            filter.setName(FILTER_NAME);
            filter.setContext(context);
            filter.start();
            context.getTurboFilterList().add(0, filter);
        }
    }

    /** Whether the logger context has the filter, for tests. */
    static boolean installedIn(ILoggerFactory factory) {
        return factory instanceof LoggerContext context
                && context.getTurboFilterList().stream().anyMatch(SecretPathLogMasking::isOurs);
    }

    private static boolean isOurs(TurboFilter filter) {
        return filter instanceof SecretPathMaskingTurboFilter;
    }
}
