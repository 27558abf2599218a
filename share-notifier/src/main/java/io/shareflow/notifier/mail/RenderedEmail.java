package io.shareflow.notifier.mail;

import java.util.Objects;

/**
 * An e-mail ready to send: a single-line subject and the same content as plain text and HTML.
 * Not null.
 */
public record RenderedEmail(String subject, String text, String html) {

    public RenderedEmail {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        if (subject.chars().anyMatch(c -> c == '\r' || c == '\n')) {
            throw new IllegalArgumentException("A subject is one line");
        }
    }

    @Override
    public String toString() {
        return "RenderedEmail[subject=" + subject + "]";
    }
}
