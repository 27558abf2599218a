package io.shareflow.api.share;

import java.util.List;

import io.shareflow.api.directory.DirectoryUser;
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

    /** User ids to addresses (users of the sharer's organisation only, else 400), de-duplicated, at most 100. */
    List<Recipient> resolve(Sharer sharer, List<RecipientRef> refs) {
        return ShareRules.resolveRecipients(refs, userId -> directory.find(userId)
                .filter(user -> user.organizationId().equals(sharer.organizationId()))
                .map(DirectoryUser::email));
    }

    /** 422 for a recipient known as a user of another organisation. */
    void checkOrganizations(Sharer sharer, List<Recipient> recipients) {
        ShareRules.checkRecipientOrganizations(sharer.organizationId(), recipients, directory.organizationsByAddress(
                recipients.stream().map(recipient -> EmailAddress.normalized(recipient.email())).toList()));
    }
}
