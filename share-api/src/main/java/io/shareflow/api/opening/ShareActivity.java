package io.shareflow.api.opening;

import java.util.UUID;

import io.shareflow.api.access.model.OrganizationRoles;
import io.shareflow.domain.NotFound;
import io.shareflow.domain.Page;
import io.shareflow.domain.PageRequest;
import io.shareflow.support.security.CurrentUser;
import io.shareflow.support.web.ApiException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who opened a share, and how it went: for the sharing roles of its organisation only. */
@Service
class ShareActivity {

    private final ShareOpens opens;

    ShareActivity(ShareOpens opens) {
        this.opens = opens;
    }

    /**
     * Newest first. Another organisation's share, and any share for a user with no role of the organisation (a
     * guest sees nothing of it), is not found; a member without a sharing role (e.g. {@code viewer}) is refused.
     */
    @Transactional(readOnly = true)
    Page<ShareOpens.ShareOpen> of(CurrentUser caller, UUID shareId, PageRequest page) {
        boolean member = OrganizationRoles.isMember(caller.roles());
        if (!member || !opens.exists(caller.organizationId(), shareId)) {
            throw new NotFound("Share not found.");
        }
        if (!OrganizationRoles.isSharing(caller.roles())) {
            throw ApiException.noPermission("Only the sharing roles may read a share's activity.");
        }
        return opens.page(shareId, page);
    }
}
