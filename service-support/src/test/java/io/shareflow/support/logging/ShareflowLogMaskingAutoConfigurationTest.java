package io.shareflow.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ShareflowLogMaskingAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ShareflowLogMaskingAutoConfiguration.class));

    @Test
    void withoutMaskedPathsNothingIsInstalled() {
        runner.run(context -> assertThat(context).doesNotHaveBean(SecretPathLogMasking.class));
        runner.withPropertyValues("shareflow.logging.masked-paths=")
                .run(context -> assertThat(context).doesNotHaveBean(SecretPathLogMasking.class));
    }

    @Test
    void maskedPathsAsAListOrCommaSeparatedInstallTheFilter() {
        runner.withPropertyValues("shareflow.logging.masked-paths[0]=register",
                        "shareflow.logging.masked-paths[1]=v1/registrations")
                .run(context -> assertThat(context.getBean(SecretPathLogMasking.class).paths().paths())
                        .containsExactly("register", "v1/registrations"));
        runner.withPropertyValues("shareflow.logging.masked-paths=register, v1/registrations")
                .run(context -> {
                    assertThat(context.getBean(SecretPathLogMasking.class).paths().paths())
                            .containsExactly("register", "v1/registrations");
                    assertThat(SecretPathLogMasking.installedIn(org.slf4j.LoggerFactory.getILoggerFactory())).isTrue();
                });
    }

    @Test
    void silencedLoggersAloneInstallTheFilterWithoutPaths() {
        runner.withPropertyValues("shareflow.logging.silenced-loggers=org.eclipse.angus.mail.smtp.protocol")
                .run(context -> {
                    SecretPathLogMasking masking = context.getBean(SecretPathLogMasking.class);
                    assertThat(masking.paths()).isNull();
                    assertThat(masking.silencedLoggers()).containsExactly("org.eclipse.angus.mail.smtp.protocol");
                });
    }

    @Test
    void aMalformedPathStopsTheStart() {
        runner.withPropertyValues("shareflow.logging.masked-paths=not a path")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasRootCauseMessage("shareflow.logging.masked-paths: not a path: 'not a path'"));
    }
}
