package io.shareflow.support.logging;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;
import org.slf4j.helpers.FormattingTuple;
import org.slf4j.helpers.MessageFormatter;

/**
 * Keeps the secrets of request paths out of every log line, of every logger and level, and drops the lines of
 * silenced loggers altogether (Spring's request logging at
 * DEBUG, Tomcat's, error lines naming the request path): an event whose message or exception messages hold a
 * masked path ({@link SecretPaths}) is logged instead with the secret cut, whatever appender and encoder write it
 * (the structured JSON console, a test's pattern). The services never log a secret themselves; this is the net for
 * the framework's lines. An event it rewrites keeps its logger, level, marker, thread, MDC and exception (stack
 * frames as they are, messages masked); structured key-value pairs of the fluent API are not carried over.
 */
final class SecretPathMaskingTurboFilter extends TurboFilter {

    private static final String FQCN = Logger.class.getName();

    private final SecretPaths paths;
    private final List<String> silenced;

    /**
     * @param paths    the masked paths; null when none are masked
     * @param silenced logger names whose events (and their children's) are dropped at every level
     */
    SecretPathMaskingTurboFilter(SecretPaths paths, List<String> silenced) {
        this.paths = paths;
        this.silenced = List.copyOf(Objects.requireNonNull(silenced, "silenced"));
    }

    SecretPaths paths() {
        return paths;
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (isSilenced(logger.getName())) {
            return FilterReply.DENY;
        }
        if (paths == null || level == null || format == null || !level.isGreaterOrEqual(logger.getEffectiveLevel())) {
            return FilterReply.NEUTRAL;
        }
        // As logback reads it: without an explicit throwable, a Throwable last argument is the event's exception.
        // (MessageFormatter drops an explicit throwable when there are no arguments, so it is taken as it is.)
        FormattingTuple formatted = t == null ? MessageFormatter.arrayFormat(format, params)
                : MessageFormatter.arrayFormat(format, params, t);
        Throwable throwable = t != null ? t : formatted.getThrowable();
        if (!paths.holdsSecret(formatted.getMessage()) && !holdsSecret(throwable)) {
            return FilterReply.NEUTRAL;
        }
        LoggingEvent event = new LoggingEvent(FQCN, logger, level, paths.mask(formatted.getMessage()), null, null);
        if (marker != null) {
            event.addMarker(marker);
        }
        if (throwable != null) {
            event.setThrowableProxy(new MaskedThrowableProxy(throwable, paths));
        }
        logger.callAppenders(event);
        return FilterReply.DENY;
    }

    private boolean isSilenced(String name) {
        for (String prefix : silenced) {
            if (name.equals(prefix) || (name.startsWith(prefix) && name.charAt(prefix.length()) == '.')) {
                return true;
            }
        }
        return false;
    }

    private boolean holdsSecret(Throwable throwable) {
        for (Throwable cause = throwable; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (paths.holdsSecret(cause.getMessage()) || paths.holdsSecret(cause.toString())
                    || Arrays.stream(cause.getSuppressed()).anyMatch(this::holdsSecret)) {
                return true;
            }
        }
        return false;
    }

    /** The exception as logback shows it, with every message of it and its causes masked. */
    private static final class MaskedThrowableProxy extends ThrowableProxy {

        private final SecretPaths paths;

        MaskedThrowableProxy(Throwable throwable, SecretPaths paths) {
            super(throwable);
            this.paths = paths;
        }

        @Override
        public String getMessage() {
            return paths.mask(super.getMessage());
        }

        @Override
        public String getOverridingMessage() {
            return paths.mask(super.getOverridingMessage());
        }

        @Override
        public IThrowableProxy getCause() {
            return Masked.of(super.getCause(), paths);
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            return Masked.of(super.getSuppressed(), paths);
        }
    }

    private record Masked(IThrowableProxy proxy, SecretPaths paths) implements IThrowableProxy {

        static IThrowableProxy of(IThrowableProxy proxy, SecretPaths paths) {
            return proxy == null ? null : new Masked(proxy, paths);
        }

        static IThrowableProxy[] of(IThrowableProxy[] proxies, SecretPaths paths) {
            return proxies == null ? null
                    : Arrays.stream(proxies).map(p -> of(p, paths)).toArray(IThrowableProxy[]::new);
        }

        @Override
        public String getMessage() {
            return paths.mask(proxy.getMessage());
        }

        @Override
        public String getOverridingMessage() {
            return paths.mask(proxy.getOverridingMessage());
        }

        @Override
        public String getClassName() {
            return proxy.getClassName();
        }

        @Override
        public StackTraceElementProxy[] getStackTraceElementProxyArray() {
            return proxy.getStackTraceElementProxyArray();
        }

        @Override
        public int getCommonFrames() {
            return proxy.getCommonFrames();
        }

        @Override
        public IThrowableProxy getCause() {
            return of(proxy.getCause(), paths);
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            return of(proxy.getSuppressed(), paths);
        }

        @Override
        public boolean isCyclic() {
            return proxy.isCyclic();
        }
    }
}
