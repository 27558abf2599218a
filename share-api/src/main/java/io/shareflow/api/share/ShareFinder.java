package io.shareflow.api.share;

import java.util.UUID;

import io.shareflow.api.status.ShareStatuses;
import io.shareflow.domain.NotFound;
import io.shareflow.domain.Page;
import io.shareflow.domain.PageRequest;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading shares of the caller's organisation. */
@Service
class ShareFinder {

    private final Shares shares;
    private final ShareStatuses statuses;

    ShareFinder(Shares shares, ShareStatuses statuses) {
        this.shares = shares;
        this.statuses = statuses;
    }

    @Transactional(readOnly = true)
    ShareDetails get(UUID organizationId, UUID shareId) {
        ShareView share = shares.find(organizationId, shareId).orElseThrow(() -> new NotFound("Share not found."));
        return ShareDetails.of(share, statuses.history(shareId));
    }

    /** Without history: a list is for finding shares, their history is one click away. */
    @Transactional(readOnly = true)
    Page<ShareDetails> search(UUID organizationId, ShareFilter filter, PageRequest page) {
        return shares.search(organizationId, filter, page).map(share -> ShareDetails.of(share, null));
    }
}
