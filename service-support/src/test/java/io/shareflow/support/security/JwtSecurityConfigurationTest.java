package io.shareflow.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/** Which decoder a service gets from which settings, and what the HMAC decoder accepts. */
class JwtSecurityConfigurationTest {

    static final String SECRET = "0123456789abcdef0123456789abcdef";

    final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
            ShareflowSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class));

    @Test
    void hmacSecretGivesAnHs256Decoder() {
        runner.withPropertyValues("shareflow.security.jwt.hmac-secret=" + SECRET).run(context -> {
            JwtDecoder decoder = context.getBean(JwtDecoder.class);
            UUID user = UUID.randomUUID();
            UUID org = UUID.randomUUID();
            Jwt jwt = decoder.decode(JwtTokens.issue(SECRET, user, org, "a@example.com", "A", List.of("viewer"), Duration.ofMinutes(1)));

            assertThat(jwt.getSubject()).isEqualTo(user.toString());
            assertThat(CurrentUser.from(jwt).organizationId()).isEqualTo(org);
            assertThat(context.getBean(JwtAuthenticationConverter.class)).isNotNull();
        });
    }

    @Test
    void hmacDecoderRejectsExpiredUnsignedAndClaimlessTokens() {
        runner.withPropertyValues("shareflow.security.jwt.hmac-secret=" + SECRET, "shareflow.security.jwt.clock-skew=0s").run(context -> {
            JwtDecoder decoder = context.getBean(JwtDecoder.class);
            String expired = JwtTokens.issue(SECRET, UUID.randomUUID(), UUID.randomUUID(), null, null, List.of(), Duration.ofSeconds(-1));
            assertThatThrownBy(() -> decoder.decode(expired)).isInstanceOf(JwtValidationException.class).hasMessageContaining("expired");

            String unsigned = "eyJhbGciOiJub25lIn0." + java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("{\"sub\":\"" + UUID.randomUUID() + "\"}").getBytes()) + ".";
            assertThatThrownBy(() -> decoder.decode(unsigned)).isInstanceOf(BadJwtException.class);
        });
    }

    @Test
    void blankSecretMeansUnsetAndBootsDecoderIsUsed() {
        runner.withPropertyValues("shareflow.security.jwt.hmac-secret=",
                        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=https://idp.example.com/jwks")
                .run(context -> {
                    assertThat(context).hasSingleBean(JwtDecoder.class);
                    assertThat(context).doesNotHaveBean("shareflowHmacJwtDecoder");
                    assertThat(context.getBean(JwtDecoder.class)).isInstanceOf(NimbusJwtDecoder.class);
                });
    }

    @Test
    void noSecretAndNoJwkSetMeansNoDecoder() {
        runner.run(context -> assertThat(context).doesNotHaveBean(JwtDecoder.class));
    }

    @Test
    void tooShortSecretFailsStartUpWithAClearMessage() {
        runner.withPropertyValues("shareflow.security.jwt.hmac-secret=short-secret").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("shareflow.security.jwt.hmac-secret")
                    .hasMessageContaining("at least 32 bytes")
                    .hasMessageNotContaining("short-secret");
        });
    }

    @Test
    void settingsNeverPrintTheSecret() {
        assertThat(new JwtSettings(SECRET, null).toString()).doesNotContain(SECRET);
        assertThat(new JwtSettings(SECRET, null).clockSkew()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void tokensCannotBeIssuedWithAShortSecret() {
        assertThatThrownBy(() -> JwtTokens.issue("short", UUID.randomUUID(), UUID.randomUUID(), null, null, List.of(), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
