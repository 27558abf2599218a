package io.shareflow.support.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Future;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

class ShareflowClockAutoConfigurationTest {

    private static final Instant FIXED = Instant.parse("2000-01-01T00:00:00Z");

    record Expiring(@Future Instant expiresAt) {
    }

    final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(ValidationAutoConfiguration.class, ShareflowClockAutoConfiguration.class));

    @Test
    void theClockIsUtcInMilliseconds() {
        runner.run(context -> {
            Clock clock = context.getBean(Clock.class);
            assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
            assertThat(clock.instant().getNano() % 1_000_000).isZero();
        });
    }

    @Test
    void aClockOfTheServiceReplacesIt() {
        Clock fixed = Clock.fixed(FIXED, ZoneOffset.UTC);
        runner.withBean(Clock.class, () -> fixed)
                .run(context -> assertThat(context.getBean(Clock.class)).isSameAs(fixed));
    }

    @Test
    void futureIsJudgedByTheClockBean() {
        Expiring nextYear = new Expiring(FIXED.plusSeconds(365 * 24 * 3600));
        runner.withBean(Clock.class, () -> Clock.fixed(FIXED, ZoneOffset.UTC))
                .run(context -> assertThat(context.getBean(Validator.class).validate(nextYear)).isEmpty());
        runner.run(context -> assertThat(context.getBean(Validator.class).validate(nextYear)).hasSize(1));
    }
}
