package io.shareflow.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.shareflow.api.share.model.LinkToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenMaskingTurboFilterTest {

    private final String token = LinkToken.generate().value();
    private final LoggerContext context = new LoggerContext();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Logger log;

    @BeforeEach
    void logger() {
        TokenLogMasking.install(context);
        TokenLogMasking.install(context);
        appender.setContext(context);
        appender.start();
        log = context.getLogger("test");
        log.setLevel(Level.DEBUG);
        log.addAppender(appender);
    }

    @Test
    void installsOnceAndFirst() {
        assertThat(context.getTurboFilterList()).hasSize(1).first().isInstanceOf(TokenMaskingTurboFilter.class);
    }

    @Test
    void cutsTheTokenOfEveryPathFormAndKeepsTheRest() {
        log.info("GET /s/{} answered", token);
        log.debug("Securing GET /v1/links/" + token + "?x=1");
        log.warn("No static resource v1/links/{}/more.", token);
        log.info("No static resource s/{}.", token);
        log.info("An ordinary line about users/{}", "abc");

        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "GET /s/… answered", "Securing GET /v1/links/…?x=1", "No static resource v1/links/…/more.",
                "No static resource s/….", "An ordinary line about users/abc");
        assertThat(appender.list).extracting(ILoggingEvent::getLevel)
                .containsExactly(Level.INFO, Level.DEBUG, Level.WARN, Level.INFO, Level.INFO);
        assertThat(appender.list).extracting(ILoggingEvent::getLoggerName).containsOnly("test");
    }

    @Test
    void cutsTheTokenOutOfExceptionsAndTheirCauses() {
        IllegalStateException error = new IllegalStateException("failed on /s/" + token,
                new RuntimeException("cause: GET /v1/links/" + token));
        log.error("Unexpected error on GET {}", "/v1/links/" + token, error);

        ILoggingEvent event = appender.list.get(0);
        assertThat(event.getFormattedMessage()).isEqualTo("Unexpected error on GET /v1/links/…");
        IThrowableProxy proxy = event.getThrowableProxy();
        assertThat(proxy.getClassName()).isEqualTo(IllegalStateException.class.getName());
        String dump = ThrowableProxyUtil.asString(proxy);
        assertThat(dump).doesNotContain(token).contains("failed on /s/…").contains("cause: GET /v1/links/…")
                .contains("TokenMaskingTurboFilterTest");
    }

    @Test
    void leavesDisabledLevelsAndOtherLinesAlone() {
        log.trace("GET /s/{}", token);
        log.info("Share {} opened", "1234");
        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage).isEqualTo(List.of("Share 1234 opened"));
    }

    @Test
    void masksPathsButNothingElse() {
        assertThat(TokenPaths.mask("/s/" + token + " and /v1/links/" + token)).isEqualTo("/s/… and /v1/links/…");
        assertThat(TokenPaths.mask("/v1/shares/abc/links")).isEqualTo("/v1/shares/abc/links");
        assertThat(TokenPaths.mask(null)).isNull();
        assertThat(TokenPaths.holdsToken("http://localhost:8080/s/abcDEF_-123")).isTrue();
        assertThat(TokenPaths.holdsToken("items/s")).isFalse();
    }
}
