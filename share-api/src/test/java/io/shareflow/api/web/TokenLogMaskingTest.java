package io.shareflow.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;

/** The masking filter stays installed when logging is configured again (a reset of logback's context). */
class TokenLogMaskingTest {

    @Test
    void theFilterIsInstalledOnceAndComesBackAfterAReset() {
        LoggerContext context = new LoggerContext();
        TokenLogMasking.install(context);
        TokenLogMasking.install(context);
        assertThat(context.getTurboFilterList()).hasSize(1).first().isInstanceOf(TokenMaskingTurboFilter.class);

        context.reset();
        assertThat(context.getTurboFilterList()).hasSize(1).first().isInstanceOf(TokenMaskingTurboFilter.class);
        context.reset();
        assertThat(context.getTurboFilterList()).hasSize(1);
    }
}
