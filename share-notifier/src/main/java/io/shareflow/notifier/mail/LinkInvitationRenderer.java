package io.shareflow.notifier.mail;

import static io.shareflow.notifier.mail.UntrustedText.escape;
import static io.shareflow.notifier.mail.UntrustedText.multiLine;
import static io.shareflow.notifier.mail.UntrustedText.singleLine;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * Renders the e-mail that sends a share by link to one of its recipients: a single-line subject, plain text and
 * HTML. "Ada shared the file "X" with you", the link's name, the role, what it takes to open the link (a password
 * the sharer gives separately, or a sign-in), the sharer's message, the link and its expiry.
 *
 * <p>The same rules as {@link InvitationRenderer} ({@link UntrustedText}): names and subject one line, no control
 * characters or bidirectional overrides, everything escaped in HTML, a hyperlink only for an http(s) URL. It depends
 * on nothing but its arguments (no clock, no locale of the machine), so every attempt sends the same content.
 * Stateless and thread-safe.
 */
public final class LinkInvitationRenderer {

    private static final DateTimeFormatter EXPIRY =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /**
     * @param invitation what to say, not null
     * @param linkUrl    the URL that opens the share, not null; it carries the share's secret token, so the result
     *                   holds it too: keep both in memory only
     * @return the e-mail, never null
     */
    public RenderedEmail render(LinkInvitation invitation, String linkUrl) {
        Content c = Content.of(invitation, Objects.requireNonNull(linkUrl, "linkUrl"));
        return new RenderedEmail(InvitationRenderer.subject(invitation.subject(), c.sharer, c.resource), text(c), html(c));
    }

    /** Who shared, for the e-mail: the sharer's name, else the address, else a generic word (never blank). */
    static String sharerOf(LinkInvitation invitation) {
        String name = singleLine(invitation.sharerName());
        if (!name.isEmpty()) {
            return name;
        }
        String email = singleLine(invitation.sharerEmail());
        return email.isEmpty() ? "A shareflow user" : email;
    }

    /**
     * What it takes to open the link, or {@code ""} when nothing needs saying. Never a password: no event carries
     * one; the sharer gives it separately.
     */
    static String accessNote(String audience, String sharer) {
        return switch (audience.toLowerCase(Locale.ROOT)) {
            case "password" -> "The link is protected by a password, which is not in this e-mail: " + sharer
                    + " gives it to you separately.";
            case "organization" -> "You need to sign in to open it: the link opens only for members of " + sharer
                    + "'s organisation.";
            case "users" -> "You need to sign in to open it: the link opens only for the people it was shared with.";
            case "anyone" -> "Anyone who has this link can open it, so pass it on only to people who should see the "
                    + "shared content.";
            default -> "";
        };
    }

    private static String text(Content c) {
        StringBuilder text = new StringBuilder(640)
                .append("Hello,\n\n")
                .append(c.sharer).append(c.sharerEmail.isEmpty() ? "" : " (" + c.sharerEmail + ")")
                .append(" has shared the ").append(c.kind).append(" \"").append(c.resource)
                .append("\" with you by a link.\n");
        if (!c.linkName.isEmpty()) {
            text.append("The link is called \"").append(c.linkName).append("\".\n");
        }
        text.append("Your role: ").append(c.role).append(" - you can ").append(c.abilities).append(".\n\n");
        if (!c.access.isEmpty()) {
            text.append(c.access).append("\n\n");
        }
        if (!c.message.isEmpty()) {
            text.append(c.sharer).append(" wrote:\n");
            for (String line : c.message.split("\n", -1)) {
                text.append("> ").append(line).append('\n');
            }
            text.append('\n');
        }
        return text.append("Open the ").append(c.kind).append(": ").append(c.link).append("\n\n")
                .append(c.expiry).append("\n\n")
                .append("-- \nSent by shareflow on behalf of ").append(c.sharer).append(".\n")
                .toString();
    }

    private static String html(Content c) {
        StringBuilder html = new StringBuilder(1280)
                .append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"></head>\n")
                .append("<body style=\"font-family:Arial,Helvetica,sans-serif;font-size:15px;color:#222;line-height:1.5\">\n")
                .append("<p>Hello,</p>\n")
                .append("<p><strong>").append(escape(c.sharer)).append("</strong>")
                .append(c.sharerEmail.isEmpty() ? "" : " (" + escape(c.sharerEmail) + ")")
                .append(" has shared the ").append(escape(c.kind)).append(" <strong>&ldquo;")
                .append(escape(c.resource)).append("&rdquo;</strong> with you by a link.<br>\n");
        if (!c.linkName.isEmpty()) {
            html.append("The link is called &ldquo;").append(escape(c.linkName)).append("&rdquo;.<br>\n");
        }
        html.append("Your role: <strong>").append(escape(c.role)).append("</strong> &ndash; you can ")
                .append(escape(c.abilities)).append(".</p>\n");
        if (!c.access.isEmpty()) {
            html.append("<p><strong>").append(escape(c.access)).append("</strong></p>\n");
        }
        return ShareEmailHtml.ending(html, c.sharer, c.message, c.link, c.kind, c.expiry);
    }

    /** The invitation's values made safe for one place or the other. */
    private record Content(String sharer, String sharerEmail, String kind, String resource, String linkName,
                           String role, String abilities, String access, String message, String link, String expiry) {

        static Content of(LinkInvitation i, String linkUrl) {
            String kind = singleLine(i.resourceKind());
            String sharer = sharerOf(i);
            String sharerEmail = singleLine(i.sharerEmail());
            return new Content(
                    sharer,
                    sharerEmail.equals(sharer) ? "" : sharerEmail,
                    kind.isEmpty() ? "item" : kind,
                    singleLine(i.resourceName()),
                    i.linkName() == null ? "" : singleLine(i.linkName()),
                    singleLine(i.role()),
                    InvitationRenderer.abilities(i.role()),
                    accessNote(i.audience(), sharer),
                    i.message() == null ? "" : multiLine(i.message()),
                    singleLine(linkUrl),
                    i.expiresAt() == null
                            ? "This link does not expire."
                            : "This link expires on " + EXPIRY.format(i.expiresAt()) + ".");
        }
    }
}
