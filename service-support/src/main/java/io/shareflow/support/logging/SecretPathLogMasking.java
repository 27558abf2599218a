package io.shareflow.support.logging;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Installs {@link SecretPathMaskingTurboFilter} first among logback's turbo filters, once Boot has configured logging
 * and before the server takes requests, and keeps it there: a reset of the logger context (Boot configures logging
 * again when another application starts in the same JVM, e.g. in tests) removes every turbo filter, so a
 * reset-resistant listener installs it again. One per logger context: a later installation replaces the paths.
 */
public final class SecretPathLogMasking {

    static final String FILTER_NAME = "shareflow-secret-path-masking";

    private final SecretPaths paths;
    private final List<String> silenced;

    /**
     * @param paths    null when no path is masked
     * @param silenced loggers dropped at every level
     */
    SecretPathLogMasking(SecretPaths paths, List<String> silenced) {
        this.paths = paths;
        this.silenced = List.copyOf(silenced);
        install(LoggerFactory.getILoggerFactory(), paths, silenced);
    }

    /** The paths whose secrets are cut from log lines; null when none are. */
    public SecretPaths paths() {
        return paths;
    }

    /** The loggers silenced at every level. */
    public List<String> silencedLoggers() {
        return silenced;
    }

    static void install(ILoggerFactory factory, SecretPaths paths) {
        install(factory, paths, List.of());
    }

    static void install(ILoggerFactory factory, SecretPaths paths, List<String> silenced) {
        if (!(factory instanceof LoggerContext context)) {
            return;
        }
        synchronized (context) {
            ReinstallOnReset listener = context.getCopyOfListenerList().stream()
                    .filter(ReinstallOnReset.class::isInstance).map(ReinstallOnReset.class::cast)
                    .findFirst().orElseGet(() -> {
                        ReinstallOnReset added = new ReinstallOnReset(context);
                        context.addListener(added);
                        return added;
                    });
            listener.paths = paths;
            listener.silenced = List.copyOf(silenced);
            addFilter(context, paths, listener.silenced);
        }
    }

    private static void addFilter(LoggerContext context, SecretPaths paths, List<String> silenced) {
        context.getTurboFilterList().removeIf(SecretPathMaskingTurboFilter.class::isInstance);
        SecretPathMaskingTurboFilter filter = new SecretPathMaskingTurboFilter(paths, silenced);
        filter.setName(FILTER_NAME);
        filter.setContext(context);
        filter.start();
        context.getTurboFilterList().add(0, filter);
    }

    /** Whether the logger context has the filter, for tests. */
    static boolean installedIn(ILoggerFactory factory) {
        return factory instanceof LoggerContext context
                && context.getTurboFilterList().stream().anyMatch(SecretPathMaskingTurboFilter.class::isInstance);
    }

    /** Puts the filter back after the context was reset (which drops every turbo filter). */
    private static final class ReinstallOnReset implements LoggerContextListener {

        private final LoggerContext context;
        private volatile SecretPaths paths;
        private volatile List<String> silenced = List.of();

        ReinstallOnReset(LoggerContext context) {
            this.context = context;
        }

        @Override
        public boolean isResetResistant() {
            return true;
        }

        @Override
        public void onReset(LoggerContext reset) {
            synchronized (context) {
                addFilter(context, paths, silenced);
            }
        }

        @Override
        public void onStart(LoggerContext started) {
        }

        @Override
        public void onStop(LoggerContext stopped) {
        }

        @Override
        public void onLevelChange(Logger logger, Level level) {
        }
    }
}
