package io.shareflow.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbox settings, prefix {@code shareflow.outbox}.
 *
 * @param eventSource the CloudEvents {@code ce_source} of written events; empty means
 *                    {@code /shareflow/<spring.application.name>}
 * @param relay       how the relay publishes and cleans up
 */
@ConfigurationProperties("shareflow.outbox")
public record OutboxSettings(@DefaultValue("") String eventSource, @DefaultValue RelaySettings relay) {
}
