package io.shareflow.notifier.mail;

import static io.shareflow.notifier.mail.UntrustedText.escape;
import static io.shareflow.notifier.mail.UntrustedText.isWebUrl;

/**
 * The HTML both share e-mails (a direct share's invitation and a link's) end with: the sharer's message, the button
 * to open the share, its expiry and the footer. Every value is escaped here.
 */
final class ShareEmailHtml {

    private ShareEmailHtml() {
    }

    /**
     * @param message the sharer's message, "" for none
     * @param kind    file, folder or collection, for "Open the …"
     * @param expiry  the sentence saying when the share expires
     */
    static String ending(StringBuilder html, String sharer, String message, String link, String kind, String expiry) {
        if (!message.isEmpty()) {
            html.append("<p>").append(escape(sharer)).append(" wrote:</p>\n")
                    .append("<blockquote style=\"margin:0 0 1em 0;padding:.5em 1em;border-left:3px solid #ccc;color:#444\">")
                    .append(escape(message).replace("\n", "<br>\n")).append("</blockquote>\n");
        }
        if (isWebUrl(link)) {
            html.append("<p><a href=\"").append(escape(link))
                    .append("\" style=\"display:inline-block;padding:.6em 1.2em;background:#1a73e8;color:#fff;")
                    .append("text-decoration:none;border-radius:4px\">Open the ").append(escape(kind)).append("</a></p>\n")
                    .append("<p style=\"font-size:13px;color:#666\">Or paste this link into your browser: ")
                    .append(escape(link)).append("</p>\n");
        } else {
            html.append("<p>Open the ").append(escape(kind)).append(": ").append(escape(link)).append("</p>\n");
        }
        return html.append("<p>").append(escape(expiry)).append("</p>\n")
                .append("<p style=\"font-size:13px;color:#666\">Sent by shareflow on behalf of ").append(escape(sharer))
                .append(".</p>\n</body></html>\n")
                .toString();
    }
}
