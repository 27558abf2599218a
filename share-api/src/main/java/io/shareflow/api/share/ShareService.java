package io.shareflow.api.share;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import io.shareflow.api.directory.DirectoryUser;
import io.shareflow.api.directory.DirectoryUsers;
import io.shareflow.api.resource.Resources;
import io.shareflow.api.resource.model.Resource;
import io.shareflow.api.share.model.LinkToken;
import io.shareflow.api.share.model.Recipient;
import io.shareflow.api.share.model.ShareDraft;
import io.shareflow.api.share.model.ShareRequested;
import io.shareflow.api.share.model.ShareRules;
import io.shareflow.api.share.model.Sharer;
import io.shareflow.api.share.model.ValidShareRequest;
import io.shareflow.api.status.ShareStatuses;
import io.shareflow.api.status.model.ShareProgress;
import io.shareflow.domain.Conflict;
import io.shareflow.domain.EmailAddress;
import io.shareflow.domain.NotFound;
import io.shareflow.schemas.SealedFieldException;
import io.shareflow.schemas.SealedFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sharing a resource with people by e-mail invitation: checks the request, then records one share
 * per recipient and one {@code ShareRequested} per share in the outbox, all in one transaction.
 *
 * <p>The link token is kept as its hash (for opening) and, inside the share's URL, sealed with {@link SealedFields}
 * (context: the share id) in the share row and in the event; the URL in plaintext is only in the 202 answer (and in
 * the idempotent replay of it, sealed under the client's Idempotency-Key).
 */
@Service
class ShareService {

    private static final Logger log = LoggerFactory.getLogger(ShareService.class);

    static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);

    private final Resources resources;
    private final Shares shares;
    private final ShareStatuses statuses;
    private final DirectoryUsers directory;
    private final IdempotentRequests idempotentRequests;
    private final ShareEventPublisher events;
    private final LinkSettings links;
    private final SealedFields seals;
    private final JsonMapper json;
    private final Clock clock;

    ShareService(Resources resources, Shares shares, ShareStatuses statuses, DirectoryUsers directory,
                 IdempotentRequests idempotentRequests, ShareEventPublisher events, LinkSettings links,
                 SealedFields seals, JsonMapper json, Clock clock) {
        this.resources = resources;
        this.shares = shares;
        this.statuses = statuses;
        this.directory = directory;
        this.idempotentRequests = idempotentRequests;
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
        IdempotencyKey key = idempotencyKey == null ? null
                : IdempotencyKey.of(sharer.organizationId(), sharer.userId(), idempotencyKey);
        byte[] requestHash = IdempotencyKey.sha256(resourceId + "\u0000" + json.writeValueAsString(draft));
        if (key != null && !idempotentRequests.claim(key.lookupHash(), requestHash, now, now.minus(IDEMPOTENCY_WINDOW))) {
            return replay(key, requestHash);
        }

        Resource resource = resources.find(sharer.organizationId(), resourceId)
                .orElseThrow(() -> new NotFound("Resource not found."));
        List<Recipient> recipients = ShareRules.resolveRecipients(request.recipients(), userId -> directory.find(userId)
                .filter(user -> user.organizationId().equals(sharer.organizationId()))
                .map(DirectoryUser::email));
        ShareRules.checkResource(resource, request.assetId());
        ShareRules.checkRecipientOrganizations(sharer.organizationId(), recipients, directory.organizationsByAddress(
                recipients.stream().map(recipient -> EmailAddress.normalized(recipient.email())).toList()));

        UUID requestId = UUID.randomUUID();
        ShareProgress progress = ShareProgress.requested(request.notifyRecipient());
        List<ShareAccepted.Share> created = new ArrayList<>();
        for (Recipient recipient : recipients) {
            UUID shareId = UUID.randomUUID();
            LinkToken token = LinkToken.generate();
            String url = links.urlOf(token.value());
            // Sealed once: the same bytes go into the share row (to show the url again, to re-send) and the event.
            String keyId = seals.currentKeyId();
            byte[] sealedLink = seals.seal(url, shareId.toString());
            ShareRequested event = new ShareRequested(UUID.randomUUID(), now, shareId, requestId,
                    sharer.organizationId(), resource.id(), resource.name(), resource.kind(), resource.documentType(),
                    sharer.userId(), sharer.name(), sharer.email(), recipient.email(), recipient.userId(),
                    request.role(), request.subject(), request.message(), request.expiresAt(), request.notifyRecipient(),
                    sealedLink);
            shares.add(event, progress, token.hash(), keyId);
            statuses.record(shareId, progress, "ShareRequested", event.eventId(), now);
            events.requested(event);
            created.add(new ShareAccepted.Share(shareId, recipient.email(), request.role().value(),
                    progress.status().name(), url, request.expiresAt()));
        }
        ShareAccepted accepted = new ShareAccepted(requestId, created);
        if (key != null) {
            // Sealed twice: under the Idempotency-Key, which only the client knows, and under the events key, so
            // that a dump with a guessable Idempotency-Key still opens nothing.
            idempotentRequests.complete(key.lookupHash(), key.seal(seals.seal(json.writeValueAsString(accepted),
                    replayContext(key))));
        }
        return accepted;
    }

    private ShareAccepted replay(IdempotencyKey key, byte[] requestHash) {
        IdempotentRequests.Seen seen = idempotentRequests.find(key.lookupHash())
                .orElseThrow(() -> new Conflict("The Idempotency-Key was just used by another request; retry."));
        if (!Arrays.equals(seen.requestHash(), requestHash) || seen.sealedResponse() == null) {
            throw new Conflict("The Idempotency-Key was already used for a different request.");
        }
        try {
            return json.readValue(seals.open(key.open(seen.sealedResponse()), replayContext(key)), ShareAccepted.class);
        } catch (SealedFieldException e) {
            // The events key that sealed it is gone from the key list (rotated away within the 24 h window).
            log.error("Idempotent response cannot be opened: {}", e.getMessage());
            throw new Conflict("The Idempotency-Key was used for a request whose response can no longer be replayed.");
        }
    }

    private static String replayContext(IdempotencyKey key) {
        return "idempotent-response:" + HexFormat.of().formatHex(key.lookupHash());
    }

    /** Forgets keys past the idempotency window, and with them the sealed link tokens. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    @Transactional
    public void forgetExpiredKeys() {
        idempotentRequests.deleteOlderThan(clock.instant().minus(IDEMPOTENCY_WINDOW));
    }
}
