package io.shareflow.api.web;

import java.util.Arrays;

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
 * Keeps link tokens out of every log line, of every logger and level (Spring's request logging at DEBUG, Tomcat's,
 * error logs naming the request path): an event whose message or exception messages hold {@code /s/{token}} or
 * {@code /v1/links/{token}} is logged instead with the token cut ({@link TokenPaths}), whatever appender and encoder
 * (the structured JSON console, a test's pattern) write it. The rest of the service never logs a token itself; this
 * is the net for the framework's lines.
 */
final class TokenMaskingTurboFilter extends TurboFilter {

    private static final String FQCN = Logger.class.getName();

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level == null || format == null || !level.isGreaterOrEqual(logger.getEffectiveLevel())) {
            return FilterReply.NEUTRAL;
        }
        // As logback reads it: without an explicit throwable, a Throwable last argument is the event's exception.
        FormattingTuple formatted = t == null ? MessageFormatter.arrayFormat(format, params)
                : MessageFormatter.arrayFormat(format, params, t);
        Throwable throwable = formatted.getThrowable();
        boolean inMessage = TokenPaths.holdsToken(formatted.getMessage());
        if (!inMessage && !holdsToken(throwable)) {
            return FilterReply.NEUTRAL;
        }
        LoggingEvent event = new LoggingEvent(FQCN, logger, level, TokenPaths.mask(formatted.getMessage()), null, null);
        if (marker != null) {
            event.addMarker(marker);
        }
        if (throwable != null) {
            event.setThrowableProxy(new MaskedThrowableProxy(throwable));
        }
        logger.callAppenders(event);
        return FilterReply.DENY;
    }

    private static boolean holdsToken(Throwable throwable) {
        for (Throwable cause = throwable; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (TokenPaths.holdsToken(cause.getMessage()) || TokenPaths.holdsToken(cause.toString())
                    || Arrays.stream(cause.getSuppressed()).anyMatch(TokenMaskingTurboFilter::holdsToken)) {
                return true;
            }
        }
        return false;
    }

    /** The exception as logback shows it, with every message of it and its causes masked. */
    private static final class MaskedThrowableProxy extends ThrowableProxy {

        MaskedThrowableProxy(Throwable throwable) {
            super(throwable);
        }

        @Override
        public String getMessage() {
            return TokenPaths.mask(super.getMessage());
        }

        @Override
        public String getOverridingMessage() {
            return TokenPaths.mask(super.getOverridingMessage());
        }

        @Override
        public IThrowableProxy getCause() {
            return Masked.of(super.getCause());
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            return Masked.of(super.getSuppressed());
        }
    }

    private record Masked(IThrowableProxy proxy) implements IThrowableProxy {

        static IThrowableProxy of(IThrowableProxy proxy) {
            return proxy == null ? null : new Masked(proxy);
        }

        static IThrowableProxy[] of(IThrowableProxy[] proxies) {
            return proxies == null ? null : Arrays.stream(proxies).map(Masked::of).toArray(IThrowableProxy[]::new);
        }

        @Override
        public String getMessage() {
            return TokenPaths.mask(proxy.getMessage());
        }

        @Override
        public String getOverridingMessage() {
            return TokenPaths.mask(proxy.getOverridingMessage());
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
            return of(proxy.getCause());
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            return of(proxy.getSuppressed());
        }

        @Override
        public boolean isCyclic() {
            return proxy.isCyclic();
        }
    }
}
