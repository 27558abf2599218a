package io.shareflow.support.time;

import java.time.Clock;
import java.time.ZoneOffset;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The one clock of a service: UTC, ticking in milliseconds — the precision of every stored and published
 * timestamp ({@link io.shareflow.domain.StoredTime}), so a response equals what a later read returns and no
 * code truncates the clock's instants by hand. Code asks this bean for the time, never {@code Instant.now()};
 * a test replaces it with a bean of its own.
 */
@AutoConfiguration
public final class ShareflowClockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.tickMillis(ZoneOffset.UTC);
    }
}
