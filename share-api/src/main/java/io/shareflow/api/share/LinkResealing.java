package io.shareflow.api.share;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.shareflow.schemas.SealedFieldException;
import io.shareflow.schemas.SealedFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the shares' sealed links openable across a key rotation: events drain within days, but a share keeps its
 * link as long as it lives. After {@code SHAREFLOW_EVENTS_SEAL_KEY} gains a new current key, this re-seals every
 * stored link still under an older key with the current one (shortly after start, then every 10 minutes; in batches,
 * one transaction each; several instances share the work). Once it reports nothing left under the old key, that key
 * may be dropped from the key list (as soon as no event sealed under it is still in flight either).
 *
 * <p>A link that does not open (its key is no longer in the list, or the value was changed) is left as it is and
 * reported at ERROR once per run: its share works, only its url cannot be shown again until the key is back.
 */
@Service
class LinkResealing {

    private static final Logger log = LoggerFactory.getLogger(LinkResealing.class);
    private static final int BATCH = 200;
    private static final UUID FIRST = new UUID(0, 0);

    /** What one run did. */
    record Result(int resealed, int unopenable) {
    }

    private final Shares shares;
    private final SealedFields seals;
    private final TransactionTemplate transactions;

    LinkResealing(Shares shares, SealedFields seals, PlatformTransactionManager transactionManager) {
        this.shares = shares;
        this.seals = seals;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Re-seals every stored link that is not under the current key and opens with a key of the list. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT30S")
    public Result resealAll() {
        String current = seals.currentKeyId();
        int resealed = 0;
        List<String> unopenable = new ArrayList<>();
        UUID after = FIRST;
        while (true) {
            UUID from = after;
            Batch batch = transactions.execute(status -> resealBatch(current, from));
            resealed += batch.resealed();
            unopenable.addAll(batch.unopenable());
            if (batch.last() == null) {
                break;
            }
            after = batch.last();
        }
        if (resealed > 0) {
            log.info("Re-sealed {} share links under key {}", resealed, current);
        }
        if (!unopenable.isEmpty()) {
            log.error("{} share links do not open with the keys of {} and stay sealed under their old key; their url"
                            + " cannot be shown until that key is back in the list. First: {}", unopenable.size(),
                    SealedFields.KEY_VARIABLE, unopenable.subList(0, Math.min(5, unopenable.size())));
        }
        return new Result(resealed, unopenable.size());
    }

    /** @param last the last share id of the batch; null when the batch was empty */
    private record Batch(int resealed, List<String> unopenable, UUID last) {
    }

    private Batch resealBatch(String current, UUID after) {
        List<Shares.SealedLink> links = shares.linksSealedUnderOtherKeys(current, after, BATCH);
        int resealed = 0;
        List<String> unopenable = new ArrayList<>();
        for (Shares.SealedLink link : links) {
            String context = link.shareId().toString();
            try {
                shares.updateSealedLink(link.shareId(), seals.seal(seals.open(link.sealed(), context), context), current);
                resealed++;
            } catch (SealedFieldException e) {
                unopenable.add(context + " (" + e.reason() + ")");
            }
        }
        return new Batch(resealed, unopenable, links.isEmpty() ? null : links.get(links.size() - 1).shareId());
    }
}
