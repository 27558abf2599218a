package io.shareflow.api.status;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The expiry sweep, prefix {@code shareflow.expiry}. A share reads EXPIRED from the instant its expiry passes whatever
 * these are; the sweep only stores it, records it in the history and publishes {@code ShareExpired}.
 *
 * @param sweepInterval the pause between two sweeps, ISO-8601 (env {@code SHAREFLOW_EXPIRY_SWEEP_INTERVAL})
 * @param batchSize     shares stored EXPIRED per transaction (several instances share the work: SKIP LOCKED)
 */
@ConfigurationProperties("shareflow.expiry")
record ExpirySettings(@DefaultValue("PT1M") Duration sweepInterval, @DefaultValue("200") int batchSize) {
}
