package io.shareflow.notifier.mail;

import static io.shareflow.notifier.mail.UntrustedText.escape;
import static io.shareflow.notifier.mail.UntrustedText.isWebUrl;
import static io.shareflow.notifier.mail.UntrustedText.singleLine;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * Renders the registration e-mail of a person who was given an account by a share: "finish creating your account" —
 * who invited them to which organisation, the link to the registration page (choose a name and a password) and when
 * it expires; for a re-invite, that earlier links no longer work. A single-line subject, plain text and HTML.
 *
 * <p>The same rules as the other renderers ({@link UntrustedText}): names one line, no control characters or
 * bidirectional overrides, everything escaped in HTML, a hyperlink only for an http(s) URL. It depends on nothing but
 * its arguments (no clock, no locale of the machine), so every attempt sends the same content. Stateless and
 * thread-safe.
 */
public final class RegistrationInvitationRenderer {

    static final String STILL_OPENS = "Until you have finished, what has been shared with you opens with the links "
            + "in its own e-mails; afterwards you sign in with your e-mail address and password to open it.";

    private static final DateTimeFormatter EXPIRY =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /**
     * @param invitation what to say, not null
     * @param link       the registration link, not null; it carries the user's registration token, so the result
     *                   holds it too: keep both in memory only
     * @return the e-mail, never null
     */
    public RenderedEmail render(RegistrationInvitation invitation, String link) {
        Content c = Content.of(invitation, Objects.requireNonNull(link, "link"));
        return new RenderedEmail(subject(c), text(c), html(c));
    }

    private static String subject(Content c) {
        String subject = "Finish creating your shareflow account for " + c.organization;
        return subject.length() <= InvitationRenderer.MAX_SUBJECT_LENGTH ? subject
                : subject.substring(0, InvitationRenderer.MAX_SUBJECT_LENGTH - 1) + "…";
    }

    /** Who invited, in a sentence: "Ada Sharer (ada@example.com)", or just one of them, or "Someone". */
    static String inviterOf(RegistrationInvitation invitation) {
        String name = invitation.inviterName() == null ? "" : singleLine(invitation.inviterName());
        String email = invitation.inviterEmail() == null ? "" : singleLine(invitation.inviterEmail());
        if (name.isEmpty()) {
            return email.isEmpty() ? "Someone" : email;
        }
        return email.isEmpty() || email.equals(name) ? name : name + " (" + email + ")";
    }

    private static String text(Content c) {
        StringBuilder text = new StringBuilder(640)
                .append("Hello,\n\n")
                .append(c.inviter).append(" has invited you to ").append(c.organization)
                .append(" on shareflow, and an account has been created for you.\n");
        if (c.reinvite) {
            text.append("This is a new link: the ones sent to you before no longer work.\n");
        }
        return text.append("\nFinish creating your account - choose your name and a password: ").append(c.link)
                .append("\n\n")
                .append("The link works once and expires on ").append(c.expiry).append(".\n")
                .append(STILL_OPENS).append("\n\n")
                .append("If you did not expect this, you can ignore this e-mail.\n\n")
                .append("-- \nSent by shareflow on behalf of ").append(c.organization).append(".\n")
                .toString();
    }

    private static String html(Content c) {
        StringBuilder html = new StringBuilder(1280)
                .append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"></head>\n")
                .append("<body style=\"font-family:Arial,Helvetica,sans-serif;font-size:15px;color:#222;line-height:1.5\">\n")
                .append("<p>Hello,</p>\n")
                .append("<p><strong>").append(escape(c.inviter)).append("</strong> has invited you to <strong>")
                .append(escape(c.organization)).append("</strong> on shareflow, and an account has been created for ")
                .append("you.</p>\n");
        if (c.reinvite) {
            html.append("<p>This is a new link: the ones sent to you before no longer work.</p>\n");
        }
        if (isWebUrl(c.link)) {
            html.append("<p><a href=\"").append(escape(c.link))
                    .append("\" style=\"display:inline-block;padding:.6em 1.2em;background:#1a73e8;color:#fff;")
                    .append("text-decoration:none;border-radius:4px\">Finish creating your account</a></p>\n")
                    .append("<p style=\"font-size:13px;color:#666\">Or paste this link into your browser: ")
                    .append(escape(c.link)).append("</p>\n");
        } else {
            html.append("<p>Finish creating your account: ").append(escape(c.link)).append("</p>\n");
        }
        return html.append("<p>You choose your name and a password there. The link works once and expires on ")
                .append(escape(c.expiry)).append(".<br>\n")
                .append(escape(STILL_OPENS)).append("</p>\n")
                .append("<p>If you did not expect this, you can ignore this e-mail.</p>\n")
                .append("<p style=\"font-size:13px;color:#666\">Sent by shareflow on behalf of ")
                .append(escape(c.organization)).append(".</p>\n</body></html>\n")
                .toString();
    }

    /** The invitation's values made safe for one place or the other. */
    private record Content(String inviter, String organization, boolean reinvite, String link, String expiry) {

        static Content of(RegistrationInvitation i, String link) {
            String organization = singleLine(i.organizationName());
            return new Content(inviterOf(i), organization.isEmpty() ? "your organisation" : organization,
                    i.reinvite(), singleLine(link), EXPIRY.format(i.expiresAt()));
        }
    }
}
