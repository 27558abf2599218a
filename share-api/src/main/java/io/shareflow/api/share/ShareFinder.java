package io.shareflow.api.share;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.shareflow.api.status.ShareStatuses;
import io.shareflow.domain.NotFound;
import io.shareflow.domain.Page;
import io.shareflow.domain.PageRequest;
import io.shareflow.schemas.SealedFieldException;
import io.shareflow.schemas.SealedFields;
import io.shareflow.support.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading shares (direct ones and links) of the caller's organisation. */
@Service
class ShareFinder {

    private static final Logger log = LoggerFactory.getLogger(ShareFinder.class);

    private final Shares shares;
    private final ShareStatuses statuses;
    private final SealedFields seals;
    private final RecipientChecks recipientChecks;
    private final SharePermissions permissions;
    private final Clock clock;

    ShareFinder(Shares shares, ShareStatuses statuses, SealedFields seals, RecipientChecks recipientChecks,
                SharePermissions permissions, Clock clock) {
        this.shares = shares;
        this.recipientChecks = recipientChecks;
        this.statuses = statuses;
        this.seals = seals;
        this.permissions = permissions;
        this.clock = clock;
    }

    /**
     * The share with its history (a link also with its recipients), and its url when the caller may change the share
     * ({@link SharePermissions}).
     */
    @Transactional(readOnly = true)
    ShareDetails get(CurrentUser caller, UUID shareId) {
        ShareView share = shares.find(caller.organizationId(), shareId, clock.instant())
                .orElseThrow(() -> new NotFound("Share not found."));
        String url = permissions.mayChange(caller, share.resourceId(), share.sharerUserId()) ? url(share) : null;
        List<LinkRecipientState> recipients = share.isLink()
                ? recipients(share, shares.linkRecipients(List.of(share.id()))) : List.of();
        return ShareDetails.of(share, recipients, names(List.of(share), Map.of(share.id(), recipients)), url,
                statuses.history(shareId));
    }

    /** Without history or url: a list is for finding shares, their details are one click away. */
    @Transactional(readOnly = true)
    Page<ShareDetails> search(UUID organizationId, ShareFilter filter, PageRequest page) {
        Page<ShareView> found = shares.search(organizationId, filter, page, clock.instant());
        Map<UUID, List<LinkRecipientState>> recipients = shares.linkRecipients(
                found.items().stream().filter(ShareView::isLink).map(ShareView::id).toList());
        Map<UUID, String> names = names(found.items(), recipients);
        return found.map(share -> ShareDetails.of(share, recipients(share, recipients), names, null, null));
    }

    /** The display names of the users these shares (and links' recipients) name by id, in one lookup. */
    private Map<UUID, String> names(List<ShareView> found, Map<UUID, List<LinkRecipientState>> recipients) {
        Set<UUID> userIds = new HashSet<>();
        found.stream().map(ShareView::recipientUserId).filter(Objects::nonNull).forEach(userIds::add);
        recipients.values().forEach(list -> list.stream().map(LinkRecipientState::userId).filter(Objects::nonNull)
                .forEach(userIds::add));
        return recipientChecks.names(userIds);
    }

    private static List<LinkRecipientState> recipients(ShareView share, Map<UUID, List<LinkRecipientState>> byShare) {
        return byShare.getOrDefault(share.id(), List.of());
    }

    /** Null when the share has no sealed link (created before it was kept) or it does not open. */
    private String url(ShareView share) {
        if (share.sealedLink() == null) {
            return null;
        }
        try {
            return seals.open(share.sealedLink(), share.id().toString());
        } catch (SealedFieldException e) {
            // The share itself is fine; only its link cannot be shown (e.g. its key was dropped from the key list).
            log.error("The link of share {} does not open ({}: {}); it is not shown", share.id(), e.reason(),
                    e.getMessage());
            return null;
        }
    }
}
