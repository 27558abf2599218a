package io.shareflow.api.status;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.shareflow.api.status.model.Notification;
import io.shareflow.api.status.model.ShareProgress;
import io.shareflow.api.status.model.StuckShare;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * DESIGN.md "No share stuck": a share whose outcome never came — an event dead-lettered somewhere, an answer lost — is
 * not left PENDING for ever. A live share still missing an outcome {@link StuckShareSettings#after()} after it was last
 * asked for one (its creation, or its last re-send) is flagged ({@code stuck_at}, the gauge
 * {@code shareflow.shares.stuck}) with a history entry naming what never answered; an invitation still PENDING counts as
 * FAILED, so a direct share reads NOTIFICATION_FAILED and a link's recipient's e-mail FAILED. The way out is the
 * re-send ({@code POST /v1/shares/{id}/notifications}), which asks again for what is missing; a late real outcome
 * still applies by the forward-only rules (a NotificationSent makes it ACTIVE).
 *
 * <p>Every {@link StuckShareSettings#sweepInterval()}, in batches of {@link StuckShareSettings#batchSize()}, one
 * transaction each, rows locked with {@code SKIP LOCKED} so that several instances share the work and a share being
 * changed meanwhile is taken by the next sweep. A flagged share is not flagged again until a re-send clears its flag.
 */
@Component
class StuckShareSweep {

    private static final Logger log = LoggerFactory.getLogger(StuckShareSweep.class);

    private final ShareStatuses statuses;
    private final StuckShareSettings settings;
    private final StuckShareMetrics metrics;
    private final Clock clock;
    private final TransactionTemplate transactions;

    StuckShareSweep(ShareStatuses statuses, StuckShareSettings settings, StuckShareMetrics metrics, Clock clock,
                    PlatformTransactionManager transactionManager) {
        this.statuses = statuses;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** @return how many shares this sweep flagged */
    @Scheduled(fixedDelayString = "${shareflow.shares.stuck.sweep-interval:PT1M}",
            initialDelayString = "${shareflow.shares.stuck.sweep-interval:PT1M}")
    int sweep() {
        int total = 0;
        while (true) {
            Integer flagged = transactions.execute(status -> sweepBatch());
            total += flagged;
            metrics.flagged(flagged);
            if (flagged < settings.batchSize()) {
                break;
            }
        }
        if (total > 0) {
            metrics.recount();
            log.warn("Stuck-share sweep: {} share(s) without an outcome {} after they were asked for one flagged;"
                    + " re-send them (POST /v1/shares/{id}/notifications)", total, settings.after());
        }
        return total;
    }

    private int sweepBatch() {
        Instant now = clock.instant();
        List<ShareStatuses.Stuck> stuck = statuses.lockStuck(now.minus(settings.after()), now, settings.batchSize());
        for (ShareStatuses.Stuck share : stuck) {
            if (share.link()) {
                flagLink(share, now);
            } else {
                ShareProgress next = share.progress().stuck();
                String cause = StuckShare.cause(share.progress(), settings.after());
                statuses.update(share.shareId(), next, cause, null, null, now);
                log.warn("Share {} flagged stuck: {} -> {}, {}", share.shareId(), share.progress().status(),
                        next.status(), cause);
            }
            statuses.flagStuck(share.shareId(), now);
        }
        return stuck.size();
    }

    /** Each recipient's e-mail still PENDING becomes FAILED, with an entry in the link's history; its status stays. */
    private void flagLink(ShareStatuses.Stuck link, Instant now) {
        for (String recipient : statuses.pendingLinkRecipients(link.shareId())) {
            statuses.updateLinkRecipientNotification(link.shareId(), recipient, Notification.FAILED, now);
            statuses.record(link.shareId(), link.progress(), StuckShare.recipientCause(recipient, settings.after()),
                    null, now);
        }
        log.warn("Link {} flagged stuck: e-mails to its recipients without an outcome after {}", link.shareId(),
                settings.after());
    }
}
