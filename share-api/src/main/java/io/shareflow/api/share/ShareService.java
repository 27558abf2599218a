package io.shareflow.api.share;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.shareflow.api.policy.SharingPolicies;
import io.shareflow.api.policy.model.SharingPolicy;
import io.shareflow.api.limits.SharingRateLimits;
import io.shareflow.api.resource.Resources;
import io.shareflow.api.resource.model.Resource;
import io.shareflow.api.share.model.LinkToken;
import io.shareflow.api.share.model.PolicyChecks;
import io.shareflow.api.share.model.Recipient;
import io.shareflow.api.share.model.Role;
import io.shareflow.api.share.model.ShareDraft;
import io.shareflow.api.share.model.ShareRequested;
import io.shareflow.api.share.model.ShareRules;
import io.shareflow.api.share.model.Sharer;
import io.shareflow.api.share.model.ValidShareRequest;
import io.shareflow.api.status.ShareStatuses;
import io.shareflow.api.status.model.ShareProgress;
import io.shareflow.domain.NotFound;
import io.shareflow.schemas.SealedFields;
import io.shareflow.support.tracing.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sharing a resource with people by e-mail invitation: checks the request (last against the organisation's sharing
 * policy: recipients' domains and the longest expiry refuse it, a role above the maximum is lowered), then records one
 * share per recipient and one {@code ShareRequested} per share in the outbox, all in one transaction.
 *
 * <p>The link token is kept as its hash (for opening) and, inside the share's URL, sealed with {@link SealedFields}
 * (context: the share id) in the share row and in the event; the URL in plaintext is only in the 202 answer (and in
 * the idempotent replay of it, sealed under the client's Idempotency-Key).
 */
@Service
class ShareService {

    private static final Logger log = LoggerFactory.getLogger(ShareService.class);

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
    private final JsonMapper json;
    private final Clock clock;

    ShareService(Resources resources, Shares shares, ShareStatuses statuses, RecipientChecks recipientChecks,
                 SharingPolicies policies, SharingRateLimits rateLimits, Idempotency idempotency, ShareEventPublisher events, LinkSettings links,
                 SealedFields seals, JsonMapper json, Clock clock) {
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
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param idempotencyKey the client's Idempotency-Key; null when none was sent
     * @return the shares created, or those of the earlier request with the same key and body
     */
    @Transactional
    ShareAccepted share(Sharer sharer, UUID resourceId, ShareDraft draft, String idempotencyKey) {
        Instant now = clock.instant();
        ValidShareRequest request = ShareRules.validate(draft);
        IdempotencyKey key = idempotency.key(sharer.organizationId(), sharer.userId(), idempotencyKey);
        if (key != null) {
            Optional<ShareAccepted> earlier = idempotency.claimOrReplay(key,
                    Idempotency.requestHash(resourceId + "\u0000" + json.writeValueAsString(draft)), ShareAccepted.class);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }

        // Locked (shared) until the shares are written: a delete of the resource running now waits, and then revokes
        // them with the others, or this waits for it and answers 404.
        Resource resource = resources.findLocked(sharer.organizationId(), resourceId, false)
                .orElseThrow(() -> new NotFound("Resource not found."));
        List<Recipient> recipients = recipientChecks.resolve(sharer, request.recipients());
        ShareRules.checkResource(resource, request.assetId());
        recipientChecks.checkOrganizations(sharer, recipients);
        SharingPolicy policy = policies.of(sharer.organizationId());
        PolicyChecks.checkRecipients(policy, recipients);
        Instant expiresAt = policy.expiry("expiresAt", request.expiresAt(), now);
        Role role = PolicyChecks.grantedRole(policy, request.role());
        Role requestedRole = role == request.role() ? null : request.role();

        UUID requestId = UUID.randomUUID();
        ShareProgress progress = ShareProgress.requested(request.notifyRecipient());
        List<ShareAccepted.Share> created = new ArrayList<>();
        for (Recipient recipient : recipients) {
            UUID shareId = UUID.randomUUID();
            try (var logContext = LogContext.share(shareId)) {
                LinkToken token = LinkToken.generate();
                String url = links.urlOf(token.value());
                // Sealed once: the same bytes go into the share row (to show the url again, to re-send) and the event.
                String keyId = seals.currentKeyId();
                byte[] sealedLink = seals.seal(url, shareId.toString());
                ShareRequested event = new ShareRequested(UUID.randomUUID(), now, shareId, requestId,
                        sharer.organizationId(), resource.id(), resource.name(), resource.kind(), resource.documentType(),
                        sharer.userId(), sharer.name(), sharer.email(), recipient.email(), recipient.userId(),
                        role, request.subject(), request.message(), expiresAt, request.notifyRecipient(), sealedLink,
                        0);
                shares.add(event, progress, request.requireSignIn(), token.hash(), keyId, requestedRole);
                statuses.record(shareId, progress, "ShareRequested", event.eventId(), now);
                events.requested(event);
                log.info("Share {} of resource {} requested by {}: role {}, notify {}", shareId, resource.id(),
                        sharer.userId(), role.value(), request.notifyRecipient());
                created.add(new ShareAccepted.Share(shareId, recipient.email(), recipient.userId(), recipient.name(),
                        role.value(), requestedRole == null ? null : requestedRole.value(), progress.status().name(), url,
                        expiresAt));
            }
        }
        // Last, so the user's window row is locked only from here to the commit (one user's concurrent shares queue on
        // it): a replay above does not count, and a refusal here or a failure above rolls everything back.
        rateLimits.consume(sharer.userId(), recipients.size());
        ShareAccepted accepted = new ShareAccepted(requestId, created);
        if (key != null) {
            idempotency.complete(key, accepted);
        }
        return accepted;
    }
}
