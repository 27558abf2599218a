package io.shareflow.api.share;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.shareflow.api.policy.SharingPolicies;
import io.shareflow.api.policy.model.SharingPolicy;
import io.shareflow.api.limits.SharingRateLimits;
import io.shareflow.api.resource.Resources;
import io.shareflow.api.resource.model.Resource;
import io.shareflow.api.share.model.LinkDraft;
import io.shareflow.api.share.model.LinkRules;
import io.shareflow.api.share.model.LinkToken;
import io.shareflow.api.share.model.PolicyChecks;
import io.shareflow.api.share.model.Recipient;
import io.shareflow.api.share.model.Role;
import io.shareflow.api.share.model.ShareLinkCreated;
import io.shareflow.api.share.model.ShareRules;
import io.shareflow.api.share.model.Sharer;
import io.shareflow.api.share.model.ValidLinkRequest;
import io.shareflow.api.status.ShareStatuses;
import io.shareflow.api.status.model.Notification;
import io.shareflow.api.status.model.ShareProgress;
import io.shareflow.domain.Conflict;
import io.shareflow.domain.NotFound;
import io.shareflow.schemas.SealedFields;
import io.shareflow.support.tracing.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sharing a resource by link: checks the request as a direct share's is checked (the same recipient, resource and
 * organisation rules, then the organisation's sharing policy, which also refuses audiences it does not allow), then
 * records, in one transaction, the link (a share of type link, ACTIVE at once), its recipients with the state of their
 * e-mails, its first history entry and its {@code ShareLinkCreated} in the outbox.
 *
 * <p>The token is kept as for direct shares: its hash for opening, the URL only sealed (context: the share id), in the
 * row and in the event; the URL in plaintext only in the 201 answer (and its idempotent replay, sealed). A password
 * only as its BCrypt hash; the Idempotency-Key's request hash leaves it out (a fast hash of it would be a way to
 * guess it), and a replay that names a password is checked against the link's hash instead.
 */
@Service
class LinkShareService {

    private static final Logger log = LoggerFactory.getLogger(LinkShareService.class);

    private final Resources resources;
    private final Shares shares;
    private final ShareStatuses statuses;
    private final RecipientChecks recipientChecks;
    private final SharingPolicies policies;
    private final SharingRateLimits rateLimits;
    private final Idempotency idempotency;
    private final ShareEventPublisher events;
    private final LinkSettings links;
    private final SealedFields seals;
    private final PasswordEncoder passwords;
    private final JsonMapper json;
    private final Clock clock;

    LinkShareService(Resources resources, Shares shares, ShareStatuses statuses, RecipientChecks recipientChecks,
                     SharingPolicies policies, SharingRateLimits rateLimits, Idempotency idempotency,
                     ShareEventPublisher events,
                     LinkSettings links, SealedFields seals, PasswordEncoder passwords, JsonMapper json, Clock clock) {
        this.resources = resources;
        this.shares = shares;
        this.statuses = statuses;
        this.recipientChecks = recipientChecks;
        this.policies = policies;
        this.rateLimits = rateLimits;
        this.idempotency = idempotency;
        this.events = events;
        this.links = links;
        this.seals = seals;
        this.passwords = passwords;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param idempotencyKey the client's Idempotency-Key; null when none was sent
     * @return the link created, or that of the earlier request with the same key and body
     */
    @Transactional
    LinkCreated create(Sharer sharer, UUID resourceId, LinkDraft draft, String idempotencyKey) {
        Instant now = clock.instant();
        ValidLinkRequest request = LinkRules.validate(draft, now);
        IdempotencyKey key = idempotency.key(sharer.organizationId(), sharer.userId(), idempotencyKey);
        if (key != null) {
            // "links" keeps a link request apart from a direct share's with the same key.
            Optional<LinkCreated> earlier = idempotency.claimOrReplay(key, Idempotency.requestHash(
                    "links\u0000" + resourceId + "\u0000" + json.writeValueAsString(draft.withoutPassword())),
                    LinkCreated.class);
            if (earlier.isPresent()) {
                return samePassword(earlier.get(), request.password());
            }
        }

        // Locked (shared) until the shares are written: a delete of the resource running now waits, and then revokes
        // them with the others, or this waits for it and answers 404.
        Resource resource = resources.findLocked(sharer.organizationId(), resourceId, false)
                .orElseThrow(() -> new NotFound("Resource not found."));
        List<Recipient> recipients = recipientChecks.resolve(sharer, request.recipients());
        ShareRules.checkResource(resource, null);
        recipientChecks.checkOrganizations(sharer, recipients);
        SharingPolicy policy = policies.of(sharer.organizationId());
        policy.checkAudience(request.audience().value());
        PolicyChecks.checkRecipients(policy, recipients);
        Instant expiresAt = policy.expiry(draft.durationHours() != null ? "durationHours" : "expiresAt",
                request.expiresAt(), now);
        Role role = PolicyChecks.grantedRole(policy, request.role());
        Role requestedRole = role == request.role() ? null : request.role();

        UUID shareId = UUID.randomUUID();
        LinkToken token = LinkToken.generate();
        String url = links.urlOf(token.value());
        // Sealed once: the same bytes go into the share row (to show the url again) and the event.
        String keyId = seals.currentKeyId();
        byte[] sealedLink = seals.seal(url, shareId.toString());
        ShareLinkCreated event = new ShareLinkCreated(UUID.randomUUID(), now, shareId, UUID.randomUUID(),
                sharer.organizationId(), resource.id(), resource.name(), resource.kind(), sharer.userId(),
                sharer.name(), sharer.email(), request.audience(), role, request.name(), expiresAt, recipients,
                request.notifyRecipient(), request.subject(), request.message(), sealedLink);
        Notification recipientsNotified = request.notifyRecipient() ? Notification.PENDING : Notification.SKIPPED;
        ShareProgress progress = ShareProgress.link();
        try (var logContext = LogContext.share(shareId)) {
            shares.addLink(event, progress, request.password() == null ? null : passwords.encode(request.password()),
                    token.hash(), keyId, recipientsNotified, requestedRole);
            statuses.record(shareId, progress, "ShareLinkCreated", event.eventId(), now);
            events.linkCreated(event);
            log.info("Link {} of resource {} created by {}: audience {}, role {}, {} recipient(s)", shareId,
                    resource.id(), sharer.userId(), request.audience().value(), role.value(), recipients.size());
        }

        // Last, so the user's window row is locked only from here to the commit (one user's concurrent shares queue on
        // it): a replay above does not count, and a refusal here or a failure above rolls everything back.
        rateLimits.consume(sharer.userId(), recipients.size());
        LinkCreated created = new LinkCreated(shareId, url, request.audience().value(), role.value(),
                requestedRole == null ? null : requestedRole.value(), request.name(), expiresAt, recipients.stream()
                .map(r -> new LinkCreated.Recipient(r.email(), r.userId(), r.name(), recipientsNotified.name()))
                .toList());
        if (key != null) {
            idempotency.complete(key, created);
        }
        return created;
    }

    /** The replayed answer, if the request names the same password as the link has (or, like it, none). */
    private LinkCreated samePassword(LinkCreated earlier, String password) {
        Optional<String> hash = shares.passwordHash(earlier.shareId());
        boolean same = password == null ? hash.isEmpty() : hash.filter(h -> passwords.matches(password, h)).isPresent();
        if (!same) {
            throw new Conflict("The Idempotency-Key was already used for a different request.");
        }
        return earlier;
    }
}
