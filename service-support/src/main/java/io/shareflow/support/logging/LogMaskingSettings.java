package io.shareflow.support.logging;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What keeps secrets out of the log lines, prefix {@code shareflow.logging}: request paths whose next segment is a
 * secret (a registration token, a link token) — every log line that holds one is written with the secret cut
 * ({@link SecretPaths}) — and loggers that would write secrets whole, which are silenced at every level.
 *
 * @param maskedPaths     e.g. {@code register, v1/registrations}; empty or null: nothing is masked
 * @param silencedLoggers logger names (each with its children) whose events are dropped at every level, e.g. the SMTP
 *                        protocol trace {@code org.eclipse.angus.mail.smtp.protocol}, which writes whole e-mails
 *                        (their links encoded, so masking could not find them); empty or null: none
 */
@ConfigurationProperties("shareflow.logging")
public record LogMaskingSettings(List<String> maskedPaths, List<String> silencedLoggers) {

    public LogMaskingSettings {
        maskedPaths = maskedPaths == null ? List.of() : List.copyOf(maskedPaths);
        silencedLoggers = silencedLoggers == null ? List.of()
                : silencedLoggers.stream().map(String::strip).filter(name -> !name.isEmpty()).toList();
    }
}
