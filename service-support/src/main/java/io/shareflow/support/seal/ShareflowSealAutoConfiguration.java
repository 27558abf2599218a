package io.shareflow.support.seal;

import io.shareflow.schemas.SealedFields;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * The {@link SealedFields} of a service, from {@code SHAREFLOW_EVENTS_SEAL_KEY}. Lazy: only a service that injects
 * it (a producer of sealed fields, or share-notifier) needs the key, and such a service fails at start with a
 * message naming the variable when the key is missing or malformed; the others start without one.
 */
@AutoConfiguration
@EnableConfigurationProperties(SealSettings.class)
public final class ShareflowSealAutoConfiguration {

    @Bean
    @Lazy
    @ConditionalOnMissingBean
    SealedFields sealedFields(SealSettings settings) {
        try {
            return SealedFields.fromKeyList(settings.sealKey());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("This service seals or opens credentials in events and needs "
                    + SealedFields.KEY_VARIABLE + " (shareflow.events.seal-key): " + e.getMessage(), e);
        }
    }
}
