package io.shareflow.api.status;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The stuck-share sweep ({@link StuckShareSweep}), prefix {@code shareflow.shares.stuck}.
 *
 * <p>{@code after} must be longer than the longest a live answer can take, or the sweep fails invitations that are
 * still on their way: share-notifier retries an e-mail for about 62 minutes with its defaults (8 attempts, 30 s
 * doubling, capped at 30 min: 30 s + 1 + 2 + 4 + 8 + 16 + 30 min), and a dead-lettered event it reports at once; the
 * default of two hours leaves room for that and for a backlog. A late answer still counts (forward-only rules).
 *
 * @param after         how long a share may wait for an outcome after it was last asked for one (its creation or
 *                      its last re-send), ISO-8601 (env {@code SHAREFLOW_SHARES_STUCK_AFTER})
 * @param sweepInterval the pause between two sweeps (env {@code SHAREFLOW_SHARES_STUCK_SWEEP_INTERVAL})
 * @param batchSize     shares flagged per transaction (several instances share the work: SKIP LOCKED)
 *                      (env {@code SHAREFLOW_SHARES_STUCK_BATCH_SIZE})
 */
@ConfigurationProperties("shareflow.shares.stuck")
record StuckShareSettings(@DefaultValue("PT2H") Duration after, @DefaultValue("PT1M") Duration sweepInterval,
                          @DefaultValue("200") int batchSize) {

    StuckShareSettings {
        if (after == null || after.isNegative() || after.isZero()) {
            throw new IllegalArgumentException("shareflow.shares.stuck.after must be positive");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("shareflow.shares.stuck.batch-size must be at least 1");
        }
    }
}
