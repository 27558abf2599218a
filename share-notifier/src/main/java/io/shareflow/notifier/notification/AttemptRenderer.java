package io.shareflow.notifier.notification;

import io.shareflow.notifier.mail.InvitationRenderer;
import io.shareflow.notifier.mail.LinkInvitationRenderer;
import io.shareflow.notifier.mail.OutgoingEmail;
import io.shareflow.notifier.mail.RenderedEmail;
import io.shareflow.schemas.SealedFieldException;

import org.springframework.stereotype.Component;

/**
 * Renders the e-mail of one attempt just before it is sent: opens the row's sealed link in memory and renders the
 * invitation with it — a direct share's ({@link InvitationRenderer}) or a share by link's to one of its recipients
 * ({@link LinkInvitationRenderer}). The result holds the link in plaintext and is never stored; the row keeps it sealed.
 * Rendering depends only on the row, so every attempt at a notification sends the same thing (same Message-ID,
 * same content).
 */
@Component
class AttemptRenderer {

    private final InvitationRenderer invitations;
    private final LinkInvitationRenderer linkInvitations;
    private final LinkSealer links;

    AttemptRenderer(InvitationRenderer invitations, LinkInvitationRenderer linkInvitations, LinkSealer links) {
        this.invitations = invitations;
        this.linkInvitations = linkInvitations;
        this.links = links;
    }

    /**
     * @throws SealedFieldException when the link does not open (a key was removed from {@code SHAREFLOW_EVENTS_SEAL_KEY}
     *                              while the notification waited, or the row was changed): a permanent failure
     */
    OutgoingEmail render(Notification n) {
        RenderedEmail content;
        if (n.rendered() != null) {
            content = n.rendered();  // written before V2: drained as it was rendered then
        } else if (n.linkInvitation() != null) {
            content = linkInvitations.render(n.linkInvitation(), links.open(n.shareId(), n.sealedLink()));
        } else {
            content = invitations.render(n.invitation(), links.open(n.shareId(), n.sealedLink()));
        }
        return new OutgoingEmail(n.messageId(), n.recipientEmail(), n.replyToEmail(), n.replyToName(), content);
    }
}
