package io.shareflow.api.status;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.shareflow.api.status.model.ShareExpired;
import io.shareflow.api.status.model.ShareProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores EXPIRED for the shares whose expiry passed (reads said so from that instant already), each with a history
 * entry at its expiry and a {@code ShareExpired}: every {@link ExpirySettings#sweepInterval()}, in batches of
 * {@link ExpirySettings#batchSize()}, one transaction each, rows locked with {@code SKIP LOCKED} so that several
 * instances share the work and a share being changed meanwhile is taken by the next sweep. Revoked and rejected shares
 * are left alone (they outrank an expiry), and so is a share the sweep stored before: one event per share.
 */
@Component
class ShareExpirySweep {

    private static final Logger log = LoggerFactory.getLogger(ShareExpirySweep.class);

    private final ShareStatuses statuses;
    private final ShareExpiredPublisher events;
    private final ExpirySettings settings;
    private final Clock clock;
    private final TransactionTemplate transactions;

    ShareExpirySweep(ShareStatuses statuses, ShareExpiredPublisher events, ExpirySettings settings, Clock clock,
                     PlatformTransactionManager transactionManager) {
        this.statuses = statuses;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** @return how many shares this sweep stored EXPIRED */
    @Scheduled(fixedDelayString = "${shareflow.expiry.sweep-interval:PT1M}",
            initialDelayString = "${shareflow.expiry.sweep-interval:PT1M}")
    int sweep() {
        int total = 0;
        while (true) {
            Integer swept = transactions.execute(status -> sweepBatch());
            total += swept;
            if (swept < settings.batchSize()) {
                break;
            }
        }
        if (total > 0) {
            log.info("Expiry sweep: {} share(s) stored EXPIRED", total);
        }
        return total;
    }

    private int sweepBatch() {
        Instant now = clock.instant();
        List<ShareStatuses.Due> due = statuses.lockExpiredNotStored(now, settings.batchSize());
        for (ShareStatuses.Due share : due) {
            ShareProgress expired = share.progress().expire();
            UUID eventId = UUID.randomUUID();
            statuses.update(share.shareId(), expired, "ShareExpired", null, eventId, share.expiresAt());
            events.expired(new ShareExpired(eventId, now, share.shareId(), share.organizationId(), share.expiresAt()));
        }
        return due.size();
    }
}
