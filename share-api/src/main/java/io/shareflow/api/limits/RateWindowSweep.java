package io.shareflow.api.limits;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets the sharing counts of windows that have ended: one row per user and minute would otherwise stay. */
@Component
class RateWindowSweep {

    private static final Logger log = LoggerFactory.getLogger(RateWindowSweep.class);

    private final SharingRateLimits limits;

    RateWindowSweep(SharingRateLimits limits) {
        this.limits = limits;
    }

    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
    public void forgetEndedWindows() {
        int deleted = limits.forgetEndedWindows();
        if (deleted > 0) {
            log.debug("Forgot {} ended sharing rate windows", deleted);
        }
    }
}
