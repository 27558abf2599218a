package io.shareflow.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class OutboxSettingsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @Test
    void theProcessedEventRetentionDefaultsToThreeWeeks() {
        context.run(c -> {
            assertThat(c).hasNotFailed();
            assertThat(c.getBean(OutboxSettings.class).processedEventRetention())
                    .isEqualTo(OutboxSettings.DEFAULT_PROCESSED_EVENT_RETENTION).isEqualTo(Duration.ofDays(21));
        });
    }

    @Test
    void aRetentionIsBoundFromItsProperty() {
        context.withPropertyValues("shareflow.outbox.processed-event-retention=30d").run(c ->
                assertThat(c.getBean(OutboxSettings.class).processedEventRetention()).isEqualTo(Duration.ofDays(30)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "-1d"})
    void aRetentionThatIsNotPositiveStopsTheStartNamingTheSetting(String retention) {
        context.withPropertyValues("shareflow.outbox.processed-event-retention=" + retention).run(c ->
                assertThat(c).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("shareflow.outbox.processed-event-retention must be positive"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(OutboxSettings.class)
    static class Bound {
    }
}
