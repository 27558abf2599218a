package io.shareflow.support.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Bearer-JWT security for shareflow services. Runs before Boot's security auto-configurations so that
 * its decoder, converter and default filter chain make Boot's defaults back off.
 */
@AutoConfiguration(
        before = {OAuth2ResourceServerAutoConfiguration.class, OAuth2ResourceServerWebSecurityAutoConfiguration.class,
                ServletWebSecurityAutoConfiguration.class, SecurityAutoConfiguration.class,
                UserDetailsServiceAutoConfiguration.class},
        beforeName = "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration")
@ConditionalOnClass({JwtDecoder.class, NimbusJwtDecoder.class})
@EnableConfigurationProperties(JwtSettings.class)
public final class ShareflowSecurityAutoConfiguration {

    @Bean
    OAuth2TokenValidator<Jwt> shareflowClaimsValidator(JwtSettings settings) {
        return new ShareflowClaimsValidator(settings.issuer(), settings.audience());
    }

    /** HS256 with the raw UTF-8 secret; validates {@code exp} (required), {@code nbf} and shareflow's claims. */
    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    @Conditional(OnHmacSecretCondition.class)
    JwtDecoder shareflowHmacJwtDecoder(JwtSettings settings, ObjectProvider<OAuth2TokenValidator<Jwt>> validators) {
        SecretKeySpec key = new SecretKeySpec(settings.hmacSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        List<OAuth2TokenValidator<Jwt>> all = new ArrayList<>();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(settings.clockSkew());
        timestamps.setAllowEmptyExpiryClaim(false);
        all.add(timestamps);
        validators.orderedStream().forEach(all::add);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(all));
        return decoder;
    }

    @Bean
    @ConditionalOnMissingBean
    JwtAuthenticationConverter shareflowJwtAuthenticationConverter() {
        return ShareflowSecurity.jwtAuthenticationConverter();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(HttpSecurity.class)
    static class ServletSecurity {

        private static final Logger log = LoggerFactory.getLogger(ShareflowSecurityAutoConfiguration.class);

        @Bean
        @ConditionalOnMissingBean(AuthenticationEntryPoint.class)
        AuthenticationEntryPoint shareflowAuthenticationEntryPoint(ObjectProvider<JsonMapper> jsonMapper) {
            return new EnvelopeAuthenticationEntryPoint(new SecurityErrorWriter(jsonMapper.getIfUnique(JsonMapper::shared)));
        }

        @Bean
        @ConditionalOnMissingBean(AccessDeniedHandler.class)
        AccessDeniedHandler shareflowAccessDeniedHandler(ObjectProvider<JsonMapper> jsonMapper) {
            return new EnvelopeAccessDeniedHandler(new SecurityErrorWriter(jsonMapper.getIfUnique(JsonMapper::shared)));
        }

        @Bean
        WebMvcConfigurer shareflowCurrentUserArgumentResolver() {
            return new WebMvcConfigurer() {
                @Override
                public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                    resolvers.add(new CurrentUserArgumentResolver());
                }
            };
        }

        /**
         * Used when the service defines no chain of its own: every request but the public actuator paths needs
         * a token. A service without any JWT settings (e.g. one that serves only actuator endpoints) still
         * starts, and answers 401 to everything else.
         */
        @Bean
        @ConditionalOnMissingBean(SecurityFilterChain.class)
        SecurityFilterChain shareflowDefaultSecurityFilterChain(HttpSecurity http, ObjectProvider<JwtDecoder> decoder)
                throws Exception {
            if (decoder.getIfAvailable() != null) {
                ShareflowSecurity.apply(http);
            } else {
                log.warn("No JWT settings (shareflow.security.jwt.hmac-secret or spring.security.oauth2.resourceserver.jwt.*):"
                        + " no bearer token is accepted, only the public actuator endpoints are open");
                ShareflowSecurity.applyWithoutTokens(http);
            }
            http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
            return http.build();
        }
    }
}
