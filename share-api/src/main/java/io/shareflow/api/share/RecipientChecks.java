package io.shareflow.api.share;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shareflow.api.directory.DirectoryUsers;
import io.shareflow.api.share.model.Recipient;
import io.shareflow.api.share.model.RecipientRef;
import io.shareflow.api.share.model.ShareRules;
import io.shareflow.api.share.model.Sharer;
import io.shareflow.domain.EmailAddress;

import org.springframework.stereotype.Component;

/** The recipient rules of {@link ShareRules} against the directory replica, the same for direct shares and links. */
@Component
class RecipientChecks {

    private final DirectoryUsers directory;

    RecipientChecks(DirectoryUsers directory) {
        this.directory = directory;
    }

    /**
     * User ids to addresses and display names (users of the sharer's organisation only, else 422), de-duplicated, at
     * most 100.
     */
    List<Recipient> resolve(Sharer sharer, List<RecipientRef> refs) {
        return ShareRules.resolveRecipients(refs, userId -> directory.find(userId)
                .filter(user -> user.organizationId().equals(sharer.organizationId()))
                .map(user -> new Recipient(user.email(), user.userId(), user.displayName(), null)));
    }

    /** The display names the directory replica knows for these users; users without one are absent. */
    Map<UUID, String> names(Collection<UUID> userIds) {
        return directory.displayNames(userIds);
    }

    /** 422 for a recipient known as a user of another organisation. */
    void checkOrganizations(Sharer sharer, List<Recipient> recipients) {
        ShareRules.checkRecipientOrganizations(sharer.organizationId(), recipients, directory.organizationsByAddress(
                recipients.stream().map(recipient -> EmailAddress.normalized(recipient.email())).toList()));
    }
}
