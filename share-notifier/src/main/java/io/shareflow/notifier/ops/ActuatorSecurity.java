package io.shareflow.notifier.ops;

import io.shareflow.support.security.ShareflowSecurity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The notifier serves no API, only actuator endpoints. With a JWT set-up (the shared
 * {@code SHAREFLOW_SECURITY_JWT_HMAC_SECRET}) it is secured like every shareflow service; without
 * one it still starts, with the public actuator paths open and everything else refused.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurity {

    @Bean
    SecurityFilterChain notifierSecurityFilterChain(HttpSecurity http, ObjectProvider<JwtDecoder> jwtDecoder)
            throws Exception {
        if (jwtDecoder.getIfAvailable() != null) {
            ShareflowSecurity.apply(http).authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
        } else {
            http.csrf(AbstractHttpConfigurer::disable)
                    .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .authorizeHttpRequests(requests -> requests
                            .requestMatchers(ShareflowSecurity.PUBLIC_ACTUATOR_PATHS).permitAll()
                            .anyRequest().denyAll());
        }
        return http.build();
    }
}
