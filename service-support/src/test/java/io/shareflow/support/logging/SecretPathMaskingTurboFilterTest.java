package io.shareflow.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class SecretPathMaskingTurboFilterTest {

    private static final String TOKEN = "Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5";

    private final LoggerContext context = new LoggerContext();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Logger logger;

    @BeforeEach
    void logback() {
        context.setMDCAdapter(MDC.getMDCAdapter());
        appender.setContext(context);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        root.setLevel(Level.INFO);
        SecretPathLogMasking.install(context, new SecretPaths(List.of("register", "v1/registrations")));
        logger = context.getLogger("test");
    }

    @Test
    void aMessageWithASecretPathIsLoggedMaskedOnceWithItsLevelLoggerAndMdc() {
        MDC.put("shareId", "s-1");
        try {
            logger.warn("POST {} failed", "/v1/registrations/" + TOKEN);
            // Read as an appender writing the line at once reads it.
            assertThat(appender.list.get(0).getMDCPropertyMap()).containsEntry("shareId", "s-1");
        } finally {
            MDC.remove("shareId");
        }

        assertThat(appender.list).hasSize(1);
        ILoggingEvent event = appender.list.get(0);
        assertThat(event.getFormattedMessage()).isEqualTo("POST /v1/registrations/… failed");
        assertThat(event.getLevel()).isEqualTo(Level.WARN);
        assertThat(event.getLoggerName()).isEqualTo("test");
    }

    @Test
    void exceptionMessagesAndCausesAreMaskedToo() {
        Exception cause = new IllegalStateException("cannot open /register/" + TOKEN);
        logger.error("Request failed", new RuntimeException("for v1/registrations/" + TOKEN, cause));

        ILoggingEvent event = appender.list.get(0);
        IThrowableProxy proxy = event.getThrowableProxy();
        assertThat(proxy.getMessage()).isEqualTo("for v1/registrations/…");
        assertThat(proxy.getCause().getMessage()).isEqualTo("cannot open /register/…");
        assertThat(proxy.getStackTraceElementProxyArray()).isNotEmpty();
    }

    @Test
    void aThrowableLastArgumentIsTheExceptionAsForLogback() {
        logger.warn("Request {} failed", "x", new IllegalStateException("at /register/" + TOKEN));

        ILoggingEvent event = appender.list.get(0);
        assertThat(event.getFormattedMessage()).isEqualTo("Request x failed");
        assertThat(event.getThrowableProxy().getMessage()).isEqualTo("at /register/…");
    }

    @Test
    void otherLinesAndDisabledLevelsAreUntouched() {
        logger.info("GET /v1/users/{}", 42);
        logger.debug("not logged: /register/" + TOKEN);

        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("GET /v1/users/42");
    }

    @Test
    void aResetOfTheLoggerContextKeepsTheFilter() {
        context.reset();
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);

        assertThat(SecretPathLogMasking.installedIn(context)).isTrue();
        context.getLogger("after.reset").info("GET /register/" + TOKEN);
        assertThat(appender.list.get(0).getFormattedMessage()).isEqualTo("GET /register/…");
    }

    @Test
    void aSilencedLoggerAndItsChildrenAreDroppedAtEveryLevel() {
        SecretPathLogMasking.install(context, null, List.of("org.eclipse.angus.mail.smtp.protocol"));
        context.getLogger("org.eclipse.angus.mail.smtp.protocol").setLevel(Level.TRACE);

        context.getLogger("org.eclipse.angus.mail.smtp.protocol").trace("DATA with the whole e-mail");
        context.getLogger("org.eclipse.angus.mail.smtp.protocol.child").error("also dropped");
        context.getLogger("org.eclipse.angus.mail.smtp.protocolx").warn("another logger");
        context.getLogger("org.eclipse.angus.mail.smtp").warn("the parent: /register/" + TOKEN);

        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("another logger", "the parent: /register/" + TOKEN);
    }

    @Test
    void installingAgainReplacesTheFilter() {
        SecretPathLogMasking.install(context, new SecretPaths(List.of("s")));

        assertThat(context.getTurboFilterList()).hasSize(1);
        assertThat(SecretPathLogMasking.installedIn(context)).isTrue();
        logger.info("/s/" + TOKEN + " /register/" + TOKEN);
        assertThat(appender.list.get(0).getFormattedMessage()).isEqualTo("/s/… /register/" + TOKEN);
    }
}
