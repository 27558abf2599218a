package io.shareflow.api.opening;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of opening links, prefix {@code shareflow.links}.
 *
 * @param rateLimit attempts to open, per link token and per client address (in memory, per instance)
 * @param lockout   wrong passwords of a password link (in the database, across instances)
 */
@ConfigurationProperties("shareflow.links")
record OpeningSettings(@DefaultValue RateLimit rateLimit, @DefaultValue Lockout lockout) {

    /**
     * @param perToken       attempts per token per {@code period} (env {@code SHAREFLOW_LINKS_RATE_LIMIT_PER_TOKEN})
     * @param perAddress     attempts per client address per {@code period} ({@code SHAREFLOW_LINKS_RATE_LIMIT_PER_ADDRESS})
     * @param period         the period both are counted over
     * @param maxTrackedKeys tokens and addresses remembered at most, each (the least recently seen are forgotten)
     */
    record RateLimit(@DefaultValue("30") int perToken, @DefaultValue("120") int perAddress,
                     @DefaultValue("1m") Duration period, @DefaultValue("100000") int maxTrackedKeys) {
    }

    /**
     * @param maxFailures wrong passwords of one link within {@code window} that lock it
     * @param window      how long a wrong password counts
     */
    record Lockout(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window) {
    }
}
