package io.shareflow.provisioner.attempt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.shareflow.provisioner.attempt.model.AttemptKind;
import io.shareflow.provisioner.attempt.model.AttemptLimit;
import io.shareflow.support.web.ApiException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The limits on failed attempts, kept in the database (so they hold across restarts and instances): a use case
 * {@link #enter enters} the guard for its subject first — which serialises concurrent attempts on the subject and
 * answers 429 with {@code Retry-After} while the limit is reached — and then {@link #failed records} its refusal or
 * {@link #succeeded clears} the count, all in its own transaction. A refused attempt must still commit for its
 * failure to count (the use case declares its refusals {@code noRollbackFor}); the 429 of {@link #enter} does not
 * mark the transaction rollback-only either, so a use case may commit after it.
 */
@Component
public class AttemptGuard {

    private final FailedAttempts attempts;
    private final Clock clock;

    AttemptGuard(FailedAttempts attempts, Clock clock) {
        this.attempts = attempts;
        this.clock = clock;
    }

    /**
     * @param subjectHash the SHA-256 hex of what is guarded (a token, an address in lower case)
     * @throws ApiException 429 {@code TooManyRequests} with {@code Retry-After} when the limit is reached
     */
    @Transactional(propagation = Propagation.MANDATORY, noRollbackFor = ApiException.class)
    public void enter(AttemptKind kind, String subjectHash, AttemptLimit limit, String tooMany) {
        attempts.lock(kind, subjectHash);
        Instant now = clock.instant();
        Optional<Duration> wait = limit.waitBeforeNextAttempt(
                attempts.since(kind, subjectHash, limit.windowStart(now)), now);
        if (wait.isPresent()) {
            throw ApiException.tooManyRequests(tooMany, wait.get());
        }
    }

    /**
     * How long the subject must wait before its next attempt, without entering the guard or counting anything (a
     * page that only shows whether the next attempt would be accepted).
     */
    @Transactional(readOnly = true)
    public Optional<Duration> waitBeforeNextAttempt(AttemptKind kind, String subjectHash, AttemptLimit limit) {
        Instant now = clock.instant();
        return limit.waitBeforeNextAttempt(attempts.since(kind, subjectHash, limit.windowStart(now)), now);
    }

    /** Counts a failed attempt, and forgets failures of this kind that no longer count. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void failed(AttemptKind kind, String subjectHash, AttemptLimit limit) {
        Instant now = clock.instant();
        attempts.add(kind, subjectHash, now);
        attempts.deleteBefore(kind, limit.windowStart(now));
    }

    /** A successful attempt: earlier failures on the subject no longer count. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void succeeded(AttemptKind kind, String subjectHash) {
        attempts.clear(kind, subjectHash);
    }
}
