package io.shareflow.api.web;

import io.shareflow.support.security.ShareflowSecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what: every authenticated user of an organisation may read its resources and shares;
 * only the sharing roles may create (and later change or revoke) them. Organisation scoping is done
 * by the queries themselves (another organisation's things are not found).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** The roles that may create, change or revoke resources and shares. */
    static final String[] SHARING_ROLES = {"admin", "producer-admin", "producer-user", "sales-agent"};

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        ShareflowSecurity.apply(http).authorizeHttpRequests(requests -> requests
                .requestMatchers(HttpMethod.POST, "/v1/resources", "/v1/shares/**").hasAnyRole(SHARING_ROLES)
                .requestMatchers(HttpMethod.PATCH, "/v1/shares/**").hasAnyRole(SHARING_ROLES)
                .requestMatchers(HttpMethod.DELETE, "/v1/shares/**").hasAnyRole(SHARING_ROLES)
                .anyRequest().authenticated());
        return http.build();
    }
}
