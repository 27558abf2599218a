package io.shareflow.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.classic.turbo.MarkerFilter;
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

    @Test
    void masksAtEveryLevelKeepingTheLevelAndEveryPathForm() {
        SecretPathLogMasking.install(context, new SecretPaths(List.of("s", "v1/links")));
        logger.setLevel(Level.TRACE);

        logger.trace("GET /s/{} answered", TOKEN);
        logger.debug("Securing GET /v1/links/" + TOKEN + "?x=1");
        logger.info("No static resource s/{}.", TOKEN);
        logger.warn("No static resource v1/links/{}/more.", TOKEN);
        logger.error("Link http://localhost:8080/s/" + TOKEN);
        logger.info("An ordinary line about items/s and /v1/shares/{}/links", "abc");

        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "GET /s/… answered", "Securing GET /v1/links/…?x=1", "No static resource s/…", // a dot may be in a secret
                "No static resource v1/links/…/more.", "Link http://localhost:8080/s/…",
                "An ordinary line about items/s and /v1/shares/abc/links");
        assertThat(appender.list).extracting(ILoggingEvent::getLevel)
                .containsExactly(Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR, Level.INFO);
        assertThat(appender.list).extracting(ILoggingEvent::getLoggerName).containsOnly("test");
    }

    @Test
    void anExplicitThrowableWithoutArgumentsIsMaskedInMessageCausesAndDump() {
        SecretPathLogMasking.install(context, new SecretPaths(List.of("s", "v1/links")));
        logger.setLevel(Level.TRACE);
        IllegalStateException error = new IllegalStateException("failed on /s/" + TOKEN,
                new RuntimeException("cause: GET /v1/links/" + TOKEN));
        error.addSuppressed(new IllegalArgumentException("suppressed: s/" + TOKEN));

        logger.trace("Unexpected error", error);
        logger.debug("Unexpected error", error);
        logger.info("Unexpected error", error);
        logger.warn("Unexpected error", error);
        logger.error("Unexpected error", error);

        List<ILoggingEvent> thrown = appender.list;
        assertThat(thrown).extracting(ILoggingEvent::getLevel)
                .containsExactly(Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR);
        for (ILoggingEvent event : thrown) {
            assertThat(event.getFormattedMessage()).isEqualTo("Unexpected error");
            IThrowableProxy proxy = event.getThrowableProxy();
            assertThat(proxy.getClassName()).isEqualTo(IllegalStateException.class.getName());
            assertThat(ThrowableProxyUtil.asString(proxy)).doesNotContain(TOKEN).contains("failed on /s/…")
                    .contains("cause: GET /v1/links/…").contains("suppressed: s/…")
                    .contains(SecretPathMaskingTurboFilterTest.class.getSimpleName());
        }
    }

    @Test
    void installingTwiceKeepsOneFilterFirstAndAResetKeepsExactlyOne() {
        MarkerFilter other = new MarkerFilter();
        other.setMarker("other");
        other.start();
        context.addTurboFilter(other);

        SecretPathLogMasking.install(context, new SecretPaths(List.of("s", "v1/links")));
        SecretPathLogMasking.install(context, new SecretPaths(List.of("s", "v1/links")));
        assertThat(context.getTurboFilterList()).hasSize(2).first().isInstanceOf(SecretPathMaskingTurboFilter.class);

        context.reset();
        context.reset();
        assertThat(context.getTurboFilterList()).hasSize(1).first().isInstanceOf(SecretPathMaskingTurboFilter.class);
    }
}
