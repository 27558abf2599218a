package io.shareflow.support.logging;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Request paths whose next segment is a secret (a registration token, a link token), prefix {@code shareflow.logging}:
 * every log line that holds one is written with the secret cut ({@link SecretPaths}).
 *
 * @param maskedPaths e.g. {@code register, v1/registrations}; empty or null: nothing is masked
 */
@ConfigurationProperties("shareflow.logging")
public record LogMaskingSettings(List<String> maskedPaths) {

    public LogMaskingSettings {
        maskedPaths = maskedPaths == null ? List.of() : List.copyOf(maskedPaths);
    }
}
