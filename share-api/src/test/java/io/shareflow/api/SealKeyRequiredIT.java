package io.shareflow.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shareflow.api.support.Caller;
import io.shareflow.api.support.SeparateService;
import io.shareflow.embedded.SharedInfrastructure;
import io.shareflow.schemas.SealedFields;
import org.junit.jupiter.api.Test;


/** share-api seals links, so it does not start without {@code SHAREFLOW_EVENTS_SEAL_KEY}. */
class SealKeyRequiredIT {

    @Test
    void doesNotStartWithoutASealKeyAndSaysWhichSettingIsMissing() {
        String database = SharedInfrastructure.postgres().createDatabase("share_api_seal_key_it");
        // Command-line arguments win over the environment: the key is unset even where the variable is set.
        for (String key : new String[] {"", "k1:not-a-32-byte-key"}) {
            assertThatThrownBy(() -> SeparateService.run(
                    "--server.port=0",
                    "--spring.main.banner-mode=off",
                    "--spring.datasource.url=" + database,
                    "--spring.kafka.bootstrap-servers=" + SharedInfrastructure.kafka().bootstrapServers(),
                    "--shareflow.security.jwt.hmac-secret=" + Caller.SECRET,
                    "--shareflow.events.seal-key=" + key).close())
                    .as(key.isEmpty() ? "unset" : "malformed")
                    .hasStackTraceContaining(SealedFields.KEY_VARIABLE);
        }
    }
}
