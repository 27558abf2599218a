package io.shareflow.provisioner;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shareflow.embedded.SharedInfrastructure;
import io.shareflow.schemas.SealedFields;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.logging.LoggingApplicationListener;

/** user-provisioner seals registration links, so it does not start without {@code SHAREFLOW_EVENTS_SEAL_KEY}. */
class SealKeyRequiredIT {

    @Test
    void doesNotStartWithoutASealKeyAndSaysWhichSettingIsMissing() {
        String database = SharedInfrastructure.postgres().createDatabase("user_provisioner_seal_key_it");
        // Command-line arguments win over the environment: the key is unset even where the variable is set.
        for (String key : new String[] {"", "k1:not-a-32-byte-key"}) {
            assertThatThrownBy(() -> application().run(
                    "--server.port=0",
                    "--spring.main.banner-mode=off",
                    "--spring.datasource.url=" + database,
                    "--spring.kafka.bootstrap-servers=" + SharedInfrastructure.kafka().bootstrapServers(),
                    "--shareflow.security.jwt.hmac-secret=integration-tests-hmac-secret-of-at-least-32-bytes",
                    "--shareflow.outbox.relay.enabled=false",
                    "--shareflow.events.seal-key=" + key).close())
                    .as(key.isEmpty() ? "unset" : "malformed")
                    .hasStackTraceContaining("needs " + SealedFields.KEY_VARIABLE + " (shareflow.events.seal-key)");
        }
    }

    /**
     * The service, without Boot's logging listener: this start in the JVM of the other ITs must not configure logback
     * again under their running service (which would take its log masking away, see SecretsNotLoggedIT).
     */
    private static SpringApplication application() {
        SpringApplication application = new SpringApplicationBuilder(UserProvisionerApplication.class).build();
        application.setListeners(application.getListeners().stream()
                .filter(listener -> !(listener instanceof LoggingApplicationListener)).toList());
        return application;
    }
}
