package io.shareflow.api.opening;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Forgets wrong link passwords once they no longer count for the lockout (their attempts stay in the activity). */
@Component
class PasswordFailureSweep {

    private static final Logger log = LoggerFactory.getLogger(PasswordFailureSweep.class);

    private final PasswordFailures failures;
    private final OpeningSettings settings;
    private final Clock clock;

    PasswordFailureSweep(PasswordFailures failures, OpeningSettings settings, Clock clock) {
        this.failures = failures;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT2M")
    @Transactional
    public void forgetOldFailures() {
        int deleted = failures.deleteUpTo(clock.instant().minus(settings.lockout().window()));
        if (deleted > 0) {
            log.debug("Forgot {} wrong link passwords past the lockout window", deleted);
        }
    }
}
