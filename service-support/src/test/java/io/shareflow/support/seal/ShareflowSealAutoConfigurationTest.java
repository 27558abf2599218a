package io.shareflow.support.seal;

import static org.assertj.core.api.Assertions.assertThat;

import io.shareflow.schemas.SealedFields;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class ShareflowSealAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ShareflowSealAutoConfiguration.class));

    @Test
    void aServiceThatDoesNotSealStartsWithoutAKey() {
        runner.run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aServiceThatSealsFailsAtStartNamingTheVariable() {
        runner.withUserConfiguration(Sealer.class).run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining(SealedFields.KEY_VARIABLE));
        runner.withUserConfiguration(Sealer.class).withPropertyValues("shareflow.events.seal-key=k1:c2hvcnQ=")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasMessageContaining(SealedFields.KEY_VARIABLE).hasMessageContaining("32 bytes"));
    }

    @Test
    void theKeyListSealsAndOpens() {
        String keys = SealedFields.generateKeyList("k2") + "," + SealedFields.generateKeyList("k1");
        runner.withUserConfiguration(Sealer.class).withPropertyValues("shareflow.events.seal-key=" + keys).run(context -> {
            SealedFields fields = context.getBean(SealedFields.class);
            assertThat(fields.currentKeyId()).isEqualTo("k2");
            assertThat(fields.open(fields.seal("secret", "ctx"), "ctx")).isEqualTo("secret");
            assertThat(context.getBean(SealSettings.class).toString()).doesNotContain(keys.substring(3, 20));
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Sealer {
        @Bean
        String userOfTheSeal(SealedFields fields) {
            return fields.currentKeyId();
        }
    }
}
