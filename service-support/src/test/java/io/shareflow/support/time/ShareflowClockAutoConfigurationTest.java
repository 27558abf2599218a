package io.shareflow.support.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ShareflowClockAutoConfigurationTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ShareflowClockAutoConfiguration.class));

    @Test
    void oneUtcClockTickingInMilliseconds() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(Clock.class);
            Clock clock = context.getBean(Clock.class);

            assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
            assertThat(clock).isEqualTo(Clock.tickMillis(ZoneOffset.UTC));
            Instant before = Instant.now().minusSeconds(1);
            for (int i = 0; i < 1_000; i++) {
                Instant instant = clock.instant();
                assertThat(instant.getNano() % 1_000_000).as("sub-millisecond part of %s", instant).isZero();
                assertThat(instant).isAfter(before);
            }
        });
    }

    @Test
    void aServiceOwnClockWins() {
        Clock fixed = Clock.fixed(Instant.parse("2026-03-01T10:15:30.123456789Z"), ZoneOffset.UTC);

        runner.withBean("testClock", Clock.class, () -> fixed).run(context -> {
            assertThat(context).hasSingleBean(Clock.class).hasBean("testClock").doesNotHaveBean("clock");
            assertThat(context.getBean(Clock.class)).isSameAs(fixed);
        });
    }

    @Test
    void isAnAutoConfigurationOfTheLibrary() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).getCandidates())
                .contains(ShareflowClockAutoConfiguration.class.getName());
    }
}
