package io.shareflow.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
            Jwt jwt = decoder.decode(JwtTokens.signedWith(SECRET).issue(user, org, "a@example.com", "A", List.of("viewer"),
                    Duration.ofMinutes(1)));

            assertThat(jwt.getSubject()).isEqualTo(user.toString());
            assertThat(CurrentUser.from(jwt).organizationId()).isEqualTo(org);
            assertThat(context.getBean(JwtAuthenticationConverter.class)).isNotNull();
        });
    }

    @Test
    void hmacDecoderRejectsExpiredUnsignedAndClaimlessTokens() {
        runner.withPropertyValues("shareflow.security.jwt.hmac-secret=" + SECRET, "shareflow.security.jwt.clock-skew=0s").run(context -> {
            JwtDecoder decoder = context.getBean(JwtDecoder.class);
            String expired = JwtTokens.signedWith(SECRET).issue(UUID.randomUUID(), UUID.randomUUID(), null, null, List.of(),
                    Duration.ofSeconds(-1));
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
    void settingsNeverPrintTheSecretAndBlankIssuerAndAudienceMeanUnset() {
        JwtSettings settings = new JwtSettings(SECRET, null, " ", "");

        assertThat(settings.toString()).doesNotContain(SECRET);
        assertThat(settings.clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.issuer()).isNull();
        assertThat(settings.audience()).isNull();
        assertThat(JwtTokens.signedWith(SECRET).issuedBy("i", "a").toString()).doesNotContain(SECRET).contains("i", "a");
    }

    @Test
    void tokensCannotBeIssuedWithAShortSecret() {
        assertThatThrownBy(() -> JwtTokens.signedWith("short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("short");
    }

    @Test
    void theHmacDecoderChecksTheConfiguredIssuerAndAudience() {
        runner.withPropertyValues("shareflow.security.jwt.hmac-secret=" + SECRET, "shareflow.security.jwt.issuer=the-issuer",
                "shareflow.security.jwt.audience=the-audience").run(context -> {
            JwtDecoder decoder = context.getBean(JwtDecoder.class);
            JwtTokens tokens = JwtTokens.signedWith(SECRET);

            assertThat(decoder.decode(issue(tokens.issuedBy("the-issuer", "the-audience"))).getAudience())
                    .containsExactly("the-audience");
            assertInvalid(decoder, issue(tokens.issuedBy("another-issuer", "the-audience")), "iss");
            assertInvalid(decoder, issue(tokens.issuedBy(null, "the-audience")), "iss");
            assertInvalid(decoder, issue(tokens.issuedBy("the-issuer", "another-audience")), "aud");
            assertInvalid(decoder, issue(tokens.issuedBy("the-issuer", null)), "aud");
        });
    }

    @Test
    void withoutIssuerAndAudienceSettingsTokensNeedNeither() {
        runner.withPropertyValues("shareflow.security.jwt.hmac-secret=" + SECRET).run(context ->
                assertThat(context.getBean(JwtDecoder.class).decode(issue(JwtTokens.signedWith(SECRET))).getIssuer()).isNull());
    }

    /**
     * Boot's own decoders (here the public-key one; the JWK-set and issuer ones take the same validators) pick up the
     * claims validator: no exp, overlong claims, another issuer or audience are refused there too.
     */
    @Test
    void bootsDecodersApplyTheSameRules(@TempDir Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Path publicKey = dir.resolve("public.pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");

        runner.withPropertyValues("spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey,
                "shareflow.security.jwt.issuer=the-issuer", "shareflow.security.jwt.audience=the-audience").run(context -> {
            assertThat(context).doesNotHaveBean("shareflowHmacJwtDecoder");
            JwtDecoder decoder = context.getBean(JwtDecoder.class);

            assertThat(decoder.decode(rsaSigned(keys, c -> c)).getSubject()).isNotNull();
            assertInvalid(decoder, rsaSigned(keys, c -> c.expirationTime(null)), "exp");
            assertInvalid(decoder, rsaSigned(keys, c -> c.issuer("another-issuer")), "iss");
            assertInvalid(decoder, rsaSigned(keys, c -> c.audience("another-audience")), "aud");
            assertInvalid(decoder, rsaSigned(keys, c -> c.claim("name", "n".repeat(CurrentUser.MAX_NAME_LENGTH + 1))), "name");
            assertInvalid(decoder, rsaSigned(keys, c -> c.claim("email", "e".repeat(CurrentUser.MAX_EMAIL_LENGTH + 1))), "email");
            assertInvalid(decoder, rsaSigned(keys, c -> c.claim("org", "not-a-uuid")), "org");
        });
    }

    @Test
    void theHmacDecoderRequiresExp() {
        runner.withPropertyValues("shareflow.security.jwt.hmac-secret=" + SECRET).run(context -> {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(UUID.randomUUID().toString())
                    .claim("org", UUID.randomUUID().toString()).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));

            assertInvalid(context.getBean(JwtDecoder.class), jwt.serialize(), "exp");
        });
    }

    private static String issue(JwtTokens tokens) {
        return tokens.issue(UUID.randomUUID(), UUID.randomUUID(), "a@example.com", "A", List.of(), Duration.ofMinutes(1));
    }

    /** An RS256 token with valid claims for {@code the-issuer}/{@code the-audience}, then changed by {@code change}. */
    private static String rsaSigned(KeyPair keys, UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(UUID.randomUUID().toString())
                .claim("org", UUID.randomUUID().toString()).issuer("the-issuer").audience("the-audience")
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(60)));
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), change.apply(claims).build());
        jwt.sign(new RSASSASigner(keys.getPrivate()));
        return jwt.serialize();
    }

    private static void assertInvalid(JwtDecoder decoder, String token, String claim) {
        assertThatThrownBy(() -> decoder.decode(token)).as(claim).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining(claim);
    }
}
