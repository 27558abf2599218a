package io.shareflow.embedded.mail;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One e-mail accepted by {@link MailCatcher}: one entry per SMTP transaction, however many
 * recipients it had. The same fields, with the same names, as the JSON of {@code GET /api/messages}.
 *
 * @param id         the catcher's own id, unique for the catcher's lifetime (never reused, not even
 *                   after {@link MailCatcher#clear()}); not null
 * @param messageId  the {@code Message-ID} header as sent, angle brackets included; null if absent
 * @param from       the {@code From} header, decoded (e.g. {@code shareflow <no-reply@shareflow.local>});
 *                   null if absent
 * @param to         the envelope recipients ({@code RCPT TO}, so Cc and Bcc included), in order; not null
 * @param subject    the decoded subject; null if absent
 * @param text       the first {@code text/plain} part that is not an attachment; null if none
 * @param html       the first {@code text/html} part that is not an attachment; null if none
 * @param receivedAt when the catcher accepted the message (end of DATA), UTC, millisecond precision; not null
 */
public record CapturedMessage(String id, String messageId, String from, List<String> to, String subject,
                              String text, String html, Instant receivedAt) {

    public CapturedMessage {
        Objects.requireNonNull(id, "id");
        to = List.copyOf(to);
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
