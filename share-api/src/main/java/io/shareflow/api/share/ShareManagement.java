package io.shareflow.api.share;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shareflow.api.limits.SharingRateLimits;
import io.shareflow.api.policy.SharingPolicies;
import io.shareflow.api.policy.model.SharingPolicy;
import io.shareflow.api.resource.Resources;
import io.shareflow.api.resource.model.Resource;
import io.shareflow.api.share.model.Audience;
import io.shareflow.api.share.model.ChangePermission;
import io.shareflow.api.share.model.PolicyChecks;
import io.shareflow.api.share.model.Role;
import io.shareflow.api.share.model.ShareChange;
import io.shareflow.api.share.model.ShareChangeDraft;
import io.shareflow.api.share.model.ShareChangeRules;
import io.shareflow.api.share.model.ShareEvents;
import io.shareflow.api.share.model.ShareEvents.RevokeCause;
import io.shareflow.api.share.model.ShareRequested;
import io.shareflow.api.status.ShareStatuses;
import io.shareflow.api.status.model.ShareProgress;
import io.shareflow.api.status.model.ShareStatus;
import io.shareflow.domain.Conflict;
import io.shareflow.domain.NotFound;
import io.shareflow.domain.RefusedRequest;
import io.shareflow.support.security.CurrentUser;
import io.shareflow.support.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Managing a share once it exists (DESIGN.md "Managing shares"): change its role, expiry and (links) password or
 * audience, revoke it, send its invitation again. Each is one transaction on the share's locked row: the new state,
 * a history entry naming who did it, and the event in the outbox.
 *
 * <p>Who may ({@link ChangePermission}): the sharer, an {@code admin}/{@code producer-admin} of the organisation, or a
 * recipient holding {@code manager} on the resource ({@link SharePermissions}); any other member of the organisation (or
 * a recipient with a lower role) is 403, a guest with nothing on the resource and another organisation 404. A revoked,
 * rejected or expired share (expired from the instant its expiry passes) cannot be changed or re-sent: 409.
 */
@Service
class ShareManagement {

    private static final Logger log = LoggerFactory.getLogger(ShareManagement.class);

    private final Shares shares;
    private final ShareStatuses statuses;
    private final SharePermissions permissions;
    private final Resources resources;
    private final ShareEventPublisher events;
    private final PasswordEncoder passwords;
    private final SharingPolicies policies;
    private final SharingRateLimits rateLimits;
    private final Clock clock;

    ShareManagement(Shares shares, ShareStatuses statuses, SharePermissions permissions, Resources resources,
                    ShareEventPublisher events, PasswordEncoder passwords, SharingPolicies policies,
                    SharingRateLimits rateLimits, Clock clock) {
        this.shares = shares;
        this.statuses = statuses;
        this.permissions = permissions;
        this.resources = resources;
        this.events = events;
        this.passwords = passwords;
        this.policies = policies;
        this.rateLimits = rateLimits;
        this.clock = clock;
    }

    /** {@code PATCH /v1/shares/{id}}; a change that changes nothing records and publishes nothing. */
    @Transactional
    void change(CurrentUser caller, UUID shareId, ShareChangeDraft draft) {
        ManagedShare share = lockFor(caller, shareId);
        // Read after the lock: a share that expired while this waited for it must read EXPIRED (409).
        Instant now = clock.instant();
        refuseFinal(share, now, "changed");
        ShareChangeRules.Current current = new ShareChangeRules.Current(share.isLink(), share.role(),
                share.expiresAt(), share.audience(), share.hasPassword(), share.recipients());
        // The request's own rules first (400: a link's role above downloader is refused, not lowered), then the
        // policy's (422, or a lowered role), then the change the policy leaves.
        ShareChangeRules.validate(draft, current, now);
        PolicyApplied applied = applyPolicy(policies.of(share.organizationId()), draft, now);
        ShareChange change = ShareChangeRules.validate(applied.draft(), current, now);
        if (change.changesNothing()) {
            return;
        }
        String passwordHash = null;
        if (change.audience() == Audience.PASSWORD) {
            passwordHash = change.newPassword() != null ? passwords.encode(change.newPassword())
                    : shares.passwordHash(shareId).orElseThrow();
        }
        shares.change(shareId, change.role(), change.expiresAt(), change.audience(), passwordHash,
                draft.role() != null, applied.requestedRole(), now);
        UUID eventId = UUID.randomUUID();
        statuses.record(shareId, share.progress(), "ShareUpdated(" + change.description() + ")", eventId, now,
                caller.userId());
        events.updated(new ShareEvents.Updated(eventId, now, shareId, share.organizationId(), change.role(),
                change.expiresAt(), caller.userId(), change.changes(), change.audience()));
        log.info("Share {} changed by {}: {}", shareId, caller.userId(), change.changes());
    }

    /**
     * The organisation's sharing policy on what the change asks for, as on a new share: a role above {@code maxRole}
     * is lowered (the share keeps the role asked for as {@code requestedRole}), an expiry past the maximum is 422, an
     * expiry cleared under {@code requireExpiry} becomes the maximum, an audience the policy refuses is 422.
     */
    private static PolicyApplied applyPolicy(SharingPolicy policy, ShareChangeDraft draft, Instant now) {
        Role role = draft.role() == null ? null : PolicyChecks.grantedRole(policy, draft.role());
        Instant expiresAt = draft.expiresAtGiven() ? policy.expiry("expiresAt", draft.expiresAt(), now)
                : draft.expiresAt();
        if (draft.audience() != null) {
            policy.checkAudience(draft.audience().value());
        }
        Role requestedRole = role != null && role != draft.role() ? draft.role() : null;
        return new PolicyApplied(new ShareChangeDraft(role, draft.expiresAtGiven(), expiresAt, draft.password(),
                draft.audience()), requestedRole);
    }

    private record PolicyApplied(ShareChangeDraft draft, Role requestedRole) {
    }

    /** {@code DELETE /v1/shares/{id}}: idempotent, a revoked share stays as it is (no second event). */
    @Transactional
    void revoke(CurrentUser caller, UUID shareId) {
        ManagedShare share = lockFor(caller, shareId);
        if (!share.progress().revoked()) {
            revokeLocked(share, caller.userId(), RevokeCause.USER, clock.instant());
        }
    }

    /**
     * Revokes every share of a resource not revoked yet, with cause {@code resource-deleted}, in the caller's
     * transaction (the resource's delete).
     *
     * @return how many shares were revoked
     */
    @Transactional
    int revokeAllOf(UUID organizationId, UUID resourceId, UUID deletedBy) {
        Instant now = clock.instant();
        List<UUID> ids = shares.lockUnrevokedOfResource(organizationId, resourceId);
        for (UUID id : ids) {
            revokeLocked(shares.lock(organizationId, id).orElseThrow(), deletedBy, RevokeCause.RESOURCE_DELETED, now);
        }
        if (!ids.isEmpty()) {
            log.info("Resource {} was deleted by {}: its {} share(s) revoked", resourceId, deletedBy, ids.size());
        }
        return ids.size();
    }

    /**
     * {@code POST /v1/shares/{id}/notifications}: the invitation again, re-send number {@code resend_count + 1}; for a
     * link one e-mail per recipient (422 when it has none). Every call is a new e-mail, whatever the share's
     * notification state: it is what the caller asked for.
     *
     * <p>A direct share whose provisioning never answered (a stuck share, see {@code StuckShareSweep}) is asked for
     * both outcomes again: its {@code ShareRequested} once more (a new event id, {@code notify} on), which
     * user-provisioner answers by find-or-create and share-notifier by one new e-mail — instead of a
     * {@code ShareNotificationRequested}, which only the notifier reads, so still exactly one e-mail per re-send.
     */
    @Transactional
    void resend(CurrentUser caller, UUID shareId) {
        ManagedShare share = lockFor(caller, shareId);
        Instant now = clock.instant();
        refuseFinal(share, now, "re-sent");
        if (share.isLink() && share.recipients() == 0) {
            throw new RefusedRequest("This link has no recipients to e-mail.", Map.of());
        }
        if (share.sealedLink() == null) {
            throw new Conflict("This share was made before its link was kept, so its invitation cannot be sent again;"
                    + " share the resource again.");
        }
        Resource resource = resources.find(share.organizationId(), share.resourceId())
                .orElseThrow(() -> new Conflict("The shared resource no longer exists."));
        int attempt = shares.countResend(shareId, now);
        List<String> recipients = share.isLink()
                ? shares.linkRecipients(List.of(shareId)).getOrDefault(shareId, List.of()).stream()
                .map(LinkRecipientState::email).toList()
                : List.of(share.recipientEmail());
        // A re-send e-mails people as a share does, so it counts against the same window (the caller's).
        rateLimits.consume(caller.userId(), recipients.size());
        if (!share.isLink() && !share.progress().provisioning().isFinal()) {
            reRequest(share, resource, attempt, now, caller);
            return;
        }
        UUID firstEventId = null;
        for (String recipient : recipients) {
            UUID eventId = UUID.randomUUID();
            firstEventId = firstEventId == null ? eventId : firstEventId;
            events.notificationRequested(new ShareEvents.NotificationRequested(eventId, now, shareId,
                    share.organizationId(), attempt, resource.name(), resource.kind().value(),
                    orEmpty(share.sharerName()), orEmpty(share.sharerEmail()), recipient, share.role(),
                    share.subject(), share.message(), share.expiresAt(), share.audience(), share.name(),
                    share.sealedLink()));
        }
        statuses.record(shareId, share.progress(), "ShareNotificationRequested(attempt " + attempt
                + (share.isLink() ? ", " + recipients.size() + " recipient(s)" : "") + ")", firstEventId, now,
                caller.userId());
        log.info("Share {}: invitation re-sent (attempt {}) by {}", shareId, attempt, caller.userId());
    }

    /** The re-send of a direct share still waiting for provisioning: its {@code ShareRequested} again (see resend). */
    private void reRequest(ManagedShare share, Resource resource, int attempt, Instant now, CurrentUser caller) {
        ShareRequested event = new ShareRequested(UUID.randomUUID(), now, share.id(), share.requestId(),
                share.organizationId(), resource.id(), resource.name(), resource.kind(), resource.documentType(),
                share.sharerUserId(), orEmpty(share.sharerName()), orEmpty(share.sharerEmail()),
                share.recipientEmail(), share.recipientUserId(), share.role(), share.subject(), share.message(),
                share.expiresAt(), true, share.sealedLink(), attempt);
        events.requested(event);
        statuses.record(share.id(), share.progress(), "ShareRequested(attempt " + attempt + ", provisioning "
                + share.progress().provisioning() + ")", event.eventId(), now, caller.userId());
        log.info("Share {}: provisioning and invitation requested again (attempt {}) by {}", share.id(), attempt,
                caller.userId());
    }

    private void revokeLocked(ManagedShare share, UUID actor, RevokeCause cause, Instant now) {
        ShareProgress revoked = share.progress().revoke();
        UUID eventId = UUID.randomUUID();
        statuses.update(share.id(), revoked, "ShareRevoked(" + cause.value() + ")", null, eventId, now, actor);
        events.revoked(new ShareEvents.Revoked(eventId, now, share.id(), share.organizationId(), actor, cause));
    }

    /** The share, locked, if the caller may manage it (see the class comment); else 404 or 403. */
    private ManagedShare lockFor(CurrentUser caller, UUID shareId) {
        ManagedShare share = shares.lock(caller.organizationId(), shareId)
                .orElseThrow(() -> new NotFound("Share not found."));
        switch (permissions.decide(caller, share.resourceId(), share.sharerUserId())) {
            case ALLOWED -> {
                return share;
            }
            case FORBIDDEN -> throw ApiException.noPermission("Only the sharer, an admin of the organisation or a"
                    + " manager of the resource may change, revoke or re-send this share.");
            default -> throw new NotFound("Share not found.");
        }
    }

    private static void refuseFinal(ManagedShare share, Instant now, String what) {
        ShareStatus status = share.statusAt(now);
        if (status.isFinal()) {
            throw new Conflict("The share is " + status.name() + " and can no longer be " + what + ".");
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
