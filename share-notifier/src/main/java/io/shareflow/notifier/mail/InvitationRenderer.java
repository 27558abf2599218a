package io.shareflow.notifier.mail;

import static io.shareflow.notifier.mail.UntrustedText.escape;
import static io.shareflow.notifier.mail.UntrustedText.multiLine;
import static io.shareflow.notifier.mail.UntrustedText.singleLine;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * Renders the invitation e-mail of a share as a single-line subject, plain text and HTML.
 *
 * <p>All user-provided text is untrusted. Single-line values (names, subject) lose control
 * characters, line and paragraph separators and bidirectional overrides, so nothing can add a
 * header line or disguise itself; the message keeps its line breaks. In the HTML part everything
 * is escaped, and the link becomes a hyperlink only when it is an http(s) URL.
 *
 * <p>A template engine would not pay for itself at this size; this class is the template. Stateless
 * and thread-safe.
 */
public final class InvitationRenderer {

    /** Longest subject we send; longer ones are cut with an ellipsis (RFC 5322 advises short lines). */
    static final int MAX_SUBJECT_LENGTH = 200;

    private static final DateTimeFormatter EXPIRY =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /**
     * Renders the same e-mail for the same arguments, every time: it depends on nothing else (no clock,
     * no locale of the machine), so every attempt at one notification sends the same content.
     *
     * @param invitation what to say, not null
     * @param linkUrl    the URL that opens the share, not null; it carries the share's secret token, so
     *                   the result holds it too: keep both in memory only
     * @return the e-mail, never null
     */
    public RenderedEmail render(Invitation invitation, String linkUrl) {
        Content c = Content.of(invitation, Objects.requireNonNull(linkUrl, "linkUrl"));
        return new RenderedEmail(subject(invitation), text(c), html(c));
    }

    /** The sharer's subject made single-line, or the default subject when none is left. */
    static String subject(Invitation invitation) {
        return subject(invitation.subject(), invitation.sharerName(), invitation.resourceName());
    }

    /**
     * {@code given} made single-line and cut to {@value #MAX_SUBJECT_LENGTH} characters, or, when nothing is left of
     * it, {@code <sharer> shared "<resource>" with you}. The subject of every e-mail that tells of a share.
     */
    static String subject(String given, String sharerName, String resourceName) {
        String chosen = given == null ? "" : singleLine(given);
        String subject = chosen.isEmpty()
                ? singleLine(sharerName) + " shared \"" + singleLine(resourceName) + "\" with you"
                : chosen;
        return subject.length() <= MAX_SUBJECT_LENGTH ? subject : subject.substring(0, MAX_SUBJECT_LENGTH - 1) + "…";
    }

    private static String text(Content c) {
        StringBuilder text = new StringBuilder(512)
                .append("Hello,\n\n")
                .append(c.sharer).append(" (").append(c.sharerEmail).append(") has shared the ").append(c.kind)
                .append(" \"").append(c.resource).append("\" with you.\n")
                .append("Your role: ").append(c.role).append(" - you can ").append(c.abilities).append(".\n\n");
        if (!c.message.isEmpty()) {
            text.append(c.sharer).append(" wrote:\n");
            for (String line : c.message.split("\n", -1)) {
                text.append("> ").append(line).append('\n');
            }
            text.append('\n');
        }
        text.append("Open the ").append(c.kind).append(": ").append(c.link).append("\n\n")
                .append(c.expiry).append("\n\n")
                .append("-- \nSent by shareflow on behalf of ").append(c.sharer).append(".\n");
        return text.toString();
    }

    private static String html(Content c) {
        StringBuilder html = new StringBuilder(1024)
                .append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"></head>\n")
                .append("<body style=\"font-family:Arial,Helvetica,sans-serif;font-size:15px;color:#222;line-height:1.5\">\n")
                .append("<p>Hello,</p>\n")
                .append("<p><strong>").append(escape(c.sharer)).append("</strong> (").append(escape(c.sharerEmail))
                .append(") has shared the ").append(escape(c.kind)).append(" <strong>&ldquo;")
                .append(escape(c.resource)).append("&rdquo;</strong> with you.<br>\n")
                .append("Your role: <strong>").append(escape(c.role)).append("</strong> &ndash; you can ")
                .append(escape(c.abilities)).append(".</p>\n");
        return ShareEmailHtml.ending(html, c.sharer, c.message, c.link, c.kind, c.expiry);
    }

    /** What a role lets the recipient do, for a sentence "you can ... it." */
    static String abilities(String role) {
        return switch (role) {
            case "viewer" -> "view";
            case "downloader" -> "view and download";
            case "contributor" -> "view, download and add to";
            case "manager" -> "view, download, change and share";
            default -> "use";
        };
    }

    /** The invitation's values made safe for one place or the other. */
    private record Content(String sharer, String sharerEmail, String kind, String resource, String role,
                           String abilities, String message, String link, String expiry) {

        static Content of(Invitation i, String linkUrl) {
            String kind = singleLine(i.resourceKind());
            return new Content(
                    singleLine(i.sharerName()),
                    singleLine(i.sharerEmail()),
                    kind.isEmpty() ? "item" : kind,
                    singleLine(i.resourceName()),
                    singleLine(i.role()),
                    InvitationRenderer.abilities(i.role()),
                    i.message() == null ? "" : multiLine(i.message()),
                    singleLine(linkUrl),
                    i.expiresAt() == null
                            ? "This share does not expire."
                            : "This share expires on " + EXPIRY.format(i.expiresAt()) + ".");
        }
    }
}
