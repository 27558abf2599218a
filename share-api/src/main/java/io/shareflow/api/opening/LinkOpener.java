package io.shareflow.api.opening;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.shareflow.api.directory.DirectoryUser;
import io.shareflow.api.directory.DirectoryUsers;
import io.shareflow.api.share.model.Audience;
import io.shareflow.api.opening.model.FinalState;
import io.shareflow.api.opening.model.Gate;
import io.shareflow.api.opening.model.Opener;
import io.shareflow.api.opening.model.OpeningRules;
import io.shareflow.api.opening.model.PasswordLockout;
import io.shareflow.api.opening.model.ShareToOpen;
import io.shareflow.api.share.model.LinkToken;
import io.shareflow.support.security.CurrentUser;
import io.shareflow.support.tracing.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens any share by its link, for the REST API and the recipient's page alike: every outcome of DESIGN.md
 * "Opening a share".
 *
 * <p>In order: the rate limits (per client address, then per token; in memory, before anything else, so a flood
 * costs neither a query nor a password hash); the token's shape and its lookup by SHA-256 (unknown: 404); then, in
 * one transaction, the share's final state (revoked, rejected, expired — also when {@code expiresAt} has passed
 * before the sweep saw it), who may open it ({@link OpeningRules}), for a password link the lockout and the
 * password, and the record of the attempt in the share's activity; a share let in also publishes
 * {@code ShareOpened}. Nothing here logs the token.
 */
@Service
public class LinkOpener {

    /** At most this many items of a folder or collection are listed. */
    public static final int MAX_ITEMS = 200;

    static final String OPENED = "OPENED";

    private static final Logger log = LoggerFactory.getLogger(LinkOpener.class);

    private final OpenableShares shares;
    private final DirectoryUsers directory;
    private final PasswordFailures failures;
    private final ShareOpens opens;
    private final ShareOpenedPublisher events;
    private final OpeningRateLimits rateLimits;
    private final LinkPasswords passwords;
    private final PasswordLockout lockout;
    private final TransactionTemplate transactions;
    private final Clock clock;

    LinkOpener(OpenableShares shares, DirectoryUsers directory, PasswordFailures failures, ShareOpens opens,
               ShareOpenedPublisher events, OpeningRateLimits rateLimits, LinkPasswords passwords,
               OpeningSettings settings, TransactionTemplate transactions, Clock clock) {
        this.shares = shares;
        this.directory = directory;
        this.failures = failures;
        this.opens = opens;
        this.events = events;
        this.rateLimits = rateLimits;
        this.passwords = passwords;
        this.lockout = new PasswordLockout(settings.lockout().maxFailures(), settings.lockout().window());
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * @param attempt not null
     * @return never null; a malformed token is {@link Refusal#UNKNOWN_TOKEN}
     */
    public Opening open(OpenAttempt attempt) {
        Instant now = clock.instant();
        byte[] tokenHash = LinkToken.sha256(attempt.token());
        Optional<Duration> limited = rateLimits.take(HexFormat.of().formatHex(tokenHash), attempt.clientAddress(), now);
        if (limited.isPresent()) {
            log.debug("Opening refused: rate limited for {}", limited.get());
            return new Opening.Refused(Refusal.RATE_LIMITED, null, null, limited.get());
        }
        if (!LinkToken.isWellFormed(attempt.token())) {
            return Opening.Refused.of(Refusal.UNKNOWN_TOKEN);
        }
        return transactions.execute(status -> shares.findByTokenHash(tokenHash)
                .map(share -> openRecorded(share, attempt, now))
                .orElseGet(() -> Opening.Refused.of(Refusal.UNKNOWN_TOKEN)));
    }

    private Opening openRecorded(OpenableShares.Stored share, OpenAttempt attempt, Instant now) {
        try (var logContext = LogContext.share(share.id())) {
            Opening opening = decide(share, attempt, opener(attempt.caller()), now);
            CurrentUser caller = attempt.caller();
            String outcome = opening instanceof Opening.Refused refused ? refused.refusal().name() : OPENED;
            opens.add(share.id(), new ShareOpens.ShareOpen(now, outcome, attempt.channel().value(),
                    caller == null ? null : caller.userId(), caller == null ? null : caller.email(),
                    caller == null ? null : caller.name()));
            if (opening instanceof Opening.Opened) {
                events.opened(share.id(), share.rules().organizationId(), share.resource().id(), share.type(),
                        caller == null ? null : caller.userId(), attempt.channel(), now);
            }
            log.debug("Share {} {}: {}", share.id(), attempt.channel().value(), outcome);
            return opening;
        }
    }

    private Opening decide(OpenableShares.Stored share, OpenAttempt attempt, Opener opener, Instant now) {
        ShareToOpen rules = share.rules();
        Optional<FinalState> ended = OpeningRules.finalState(rules, now);
        if (ended.isPresent()) {
            return switch (ended.get()) {
                case REVOKED -> Opening.Refused.of(Refusal.REVOKED);
                case EXPIRED -> Opening.Refused.of(Refusal.EXPIRED);
                case REJECTED -> new Opening.Refused(Refusal.REJECTED, share.rejectionReason(), null, null);
            };
        }
        Gate gate = rules.link()
                ? OpeningRules.forLink(rules,
                        rules.audience() == Audience.USERS ? shares.linkRecipients(rules.shareId()) : List.of(), opener)
                : OpeningRules.forRecipient(rules, recipientAccounts(rules), opener);
        return switch (gate) {
            case OPEN -> opened(share);
            case SIGN_IN_REQUIRED -> Opening.Refused.of(Refusal.SIGN_IN_REQUIRED);
            case OUTSIDE_AUDIENCE -> new Opening.Refused(Refusal.OUTSIDE_AUDIENCE, null, share.sharedBy(), null);
            case PASSWORD -> withPassword(share, attempt, now);
        };
    }

    private List<UUID> recipientAccounts(ShareToOpen share) {
        return directory.withAccount(share.recipientUserId(), share.recipientEmail()).stream()
                .map(DirectoryUser::userId)
                .toList();
    }

    /**
     * A password link: the page's proof opens it; else, under a lock on the share across instances, a locked-out
     * share refuses even the right password; a wrong one counts, and the one that reaches the limit answers
     * {@link Refusal#LOCKED_OUT} at once.
     */
    private Opening withPassword(OpenableShares.Stored share, OpenAttempt attempt, Instant now) {
        // The page's proof counts only for the link's current password: a new one ends every proof of the old.
        if (attempt.passwordProof() != null && share.passwordHash() != null
                && attempt.passwordProof().equals(LinkPasswords.version(share.passwordHash()))) {
            return opened(share);
        }
        failures.lock(share.id());
        List<Instant> recent = new ArrayList<>(failures.since(share.id(), lockout.windowStart(now)));
        Optional<Duration> locked = lockout.lockedFor(recent, now);
        if (locked.isPresent()) {
            return new Opening.Refused(Refusal.LOCKED_OUT, null, null, locked.get());
        }
        if (attempt.password() == null || attempt.password().isEmpty()) {
            return Opening.Refused.of(Refusal.PASSWORD_REQUIRED);
        }
        if (passwords.matches(share.id(), attempt.password(), share.passwordHash())) {
            return opened(share);
        }
        failures.add(share.id(), now);
        recent.add(now);
        return lockout.lockedFor(recent, now)
                .<Opening>map(wait -> new Opening.Refused(Refusal.LOCKED_OUT, null, null, wait))
                .orElseGet(() -> Opening.Refused.of(Refusal.WRONG_PASSWORD));
    }

    private Opening opened(OpenableShares.Stored share) {
        ShareToOpen rules = share.rules();
        ResourceSummary resource = share.resource();
        List<ResourceSummary> items = "file".equals(resource.kind()) ? List.of()
                : shares.children(rules.organizationId(), resource.id(), resource.kind(), MAX_ITEMS);
        return new Opening.Opened(new OpenedShare(rules.shareId(), share.type(),
                rules.audience() == null ? null : rules.audience().value(), share.name(), resource, items,
                share.role(), rules.expiresAt(), OpeningRules.canDownload(share.role()), share.sharedBy(),
                share.createdAt()),
                share.passwordHash() == null ? null : LinkPasswords.version(share.passwordHash()));
    }

    private static Opener opener(CurrentUser caller) {
        return caller == null ? null
                : new Opener(caller.userId(), caller.organizationId(), caller.email(), caller.roles());
    }
}
