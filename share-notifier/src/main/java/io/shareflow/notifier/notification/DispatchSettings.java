package io.shareflow.notifier.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the send log is worked off, prefix {@code shareflow.notifier.dispatch}.
 *
 * @param workers      threads sending e-mail in parallel, so one slow SMTP conversation does not hold up the rest
 * @param pollInterval how often idle workers look for due retries; new notifications wake them at once
 * @param inDoubtAfter how long an attempt may stay under way before it counts as interrupted by a
 *                     crash: its outcome is then unknown, so it is failed, never sent again. Must be
 *                     well above the longest SMTP conversation ({@code spring.mail.properties.mail.smtp.*timeout}).
 */
@ConfigurationProperties("shareflow.notifier.dispatch")
public record DispatchSettings(
        @DefaultValue("4") int workers,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("5m") Duration inDoubtAfter) {

    public DispatchSettings {
        if (workers < 1) {
            throw new IllegalArgumentException("shareflow.notifier.dispatch.workers must be at least 1");
        }
    }
}
