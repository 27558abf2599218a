package io.shareflow.provisioner.config;

import io.shareflow.support.security.ShareflowSecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. Finer rules that need the request body or the stored data (a producer-admin
 * creates and re-invites users of its own organisation only; reads are limited to the caller's organisation) are
 * in the controllers and use cases.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        ShareflowSecurity.apply(http)
                .authorizeHttpRequests(requests -> requests
                        // The registration token in the path is the credential of a user who has no other.
                        .requestMatchers(HttpMethod.POST, "/v1/registrations/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/v1/organizations").hasRole("admin")
                        .requestMatchers(HttpMethod.POST, "/v1/users").hasAnyRole("admin", "producer-admin")
                        .requestMatchers(HttpMethod.POST, "/v1/users/*/invitations").hasAnyRole("admin", "producer-admin")
                        // The platform's identity service checks passwords here; it calls with the admin role.
                        .requestMatchers(HttpMethod.POST, "/v1/authentications").hasRole("admin")
                        .anyRequest().authenticated());
        return http.build();
    }
}
