package io.shareflow.api.share;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import io.shareflow.domain.Conflict;
import io.shareflow.schemas.SealedFieldException;
import io.shareflow.schemas.SealedFields;
import io.shareflow.support.web.StoredJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code Idempotency-Key} of the share-creating endpoints (direct shares and links alike): the first request with
 * a key claims it in its transaction and stores its answer sealed twice (under the Idempotency-Key, which only the
 * client knows, and under the events key, so that a dump with a guessable Idempotency-Key still opens nothing); a
 * later request with the same key and body gets that answer back; with another body, 409.
 */
@Component
class Idempotency {

    private static final Logger log = LoggerFactory.getLogger(Idempotency.class);

    static final Duration WINDOW = Duration.ofHours(24);

    private final IdempotentRequests requests;
    private final SealedFields seals;
    private final StoredJson json;
    private final Clock clock;

    // An answer stored up to a day ago by an older version is not a request: read leniently (StoredJson).
    Idempotency(IdempotentRequests requests, SealedFields seals, StoredJson json, Clock clock) {
        this.requests = requests;
        this.seals = seals;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param header the client's Idempotency-Key; null when none was sent
     * @return null when there is none
     */
    IdempotencyKey key(UUID organizationId, UUID userId, String header) {
        return header == null ? null : IdempotencyKey.of(organizationId, userId, header);
    }

    /** What requests are compared by: a hash of what they asked for, as text. */
    static byte[] requestHash(String request) {
        return IdempotencyKey.sha256(request);
    }

    /**
     * Claims the key for the current transaction, or returns the answer of the earlier request that used it with the
     * same {@code requestHash}. Waits while another transaction holds the key.
     *
     * @return empty when the key is now this transaction's: go on, and {@link #complete} it
     * @throws Conflict when the key was used for another request, or its answer can no longer be opened
     */
    <T> Optional<T> claimOrReplay(IdempotencyKey key, byte[] requestHash, Class<T> answerType) {
        Instant now = clock.instant();
        if (requests.claim(key.lookupHash(), requestHash, now, now.minus(WINDOW))) {
            return Optional.empty();
        }
        IdempotentRequests.Seen seen = requests.find(key.lookupHash())
                .orElseThrow(() -> new Conflict("The Idempotency-Key was just used by another request; retry."));
        if (!Arrays.equals(seen.requestHash(), requestHash) || seen.sealedResponse() == null) {
            throw new Conflict("The Idempotency-Key was already used for a different request.");
        }
        try {
            return Optional.of(json.read(seals.open(key.open(seen.sealedResponse()), replayContext(key)),
                    answerType));
        } catch (SealedFieldException e) {
            // The events key that sealed it is gone from the key list (rotated away within the 24 h window).
            log.error("Idempotent response cannot be opened: {}", e.getMessage());
            throw new Conflict("The Idempotency-Key was used for a request whose response can no longer be replayed.");
        }
    }

    /** Stores the answer of the request that claimed {@code key}, sealed twice. */
    void complete(IdempotencyKey key, Object answer) {
        requests.complete(key.lookupHash(), key.seal(seals.seal(json.write(answer), replayContext(key))));
    }

    private static String replayContext(IdempotencyKey key) {
        return "idempotent-response:" + HexFormat.of().formatHex(key.lookupHash());
    }

    /** Forgets keys past the idempotency window, and with them the sealed link tokens. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    @Transactional
    public void forgetExpiredKeys() {
        requests.deleteOlderThan(clock.instant().minus(WINDOW));
    }
}
