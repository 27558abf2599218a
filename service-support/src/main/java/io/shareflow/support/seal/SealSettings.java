package io.shareflow.support.seal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The keys that seal credentials in events, {@code shareflow.events.seal-key} (env {@code SHAREFLOW_EVENTS_SEAL_KEY}):
 * {@code id:base64key[,id:base64key…]}, the first one current. See {@link io.shareflow.schemas.SealedFields}.
 *
 * @param sealKey the key list; null when unset (a service that seals or opens then fails at start)
 */
@ConfigurationProperties("shareflow.events")
public record SealSettings(String sealKey) {

    @Override
    public String toString() {
        return "SealSettings[sealKey=" + (sealKey == null ? "unset" : "***") + "]";
    }
}
