package io.shareflow.api.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much one user may share, prefix {@code shareflow.limits}.
 *
 * @param recipientsPerMinute recipients a user may share with in one minute (of the clock: 12:00:00–12:00:59.999), over
 *                            all instances of share-api; a link without recipients counts one (env
 *                            {@code SHAREFLOW_LIMITS_RECIPIENTS_PER_MINUTE}); at least 1
 */
@ConfigurationProperties("shareflow.limits")
record SharingLimitSettings(@DefaultValue("600") int recipientsPerMinute) {

    SharingLimitSettings {
        if (recipientsPerMinute < 1) {
            throw new IllegalArgumentException("shareflow.limits.recipients-per-minute must be at least 1");
        }
    }
}
