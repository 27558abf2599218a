package io.shareflow.api.web;

import io.shareflow.api.access.model.OrganizationRoles;
import io.shareflow.support.security.ShareflowSecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may do what: every authenticated user of an organisation may read its resources and shares;
 * only the sharing roles may create them; who may change, revoke or re-send a share is the share domain's
 * ({@code share.model.ChangePermission}). Organisation scoping is done
 * by the queries themselves (another organisation's things are not found).
 *
 * <p>Opening a share ({@code GET /v1/links/{token}}) needs no token: the opening rules decide; there the
 * {@code shareflow_session} cookie signs the caller in too ({@link SessionCookieBearerTokenResolver}). The pages
 * {@code /s/**} are not this chain's: {@code page.PageSecurityConfiguration}'s chain, ordered first, takes every
 * request under {@code /s}.
 * Every answer carries {@code Referrer-Policy: no-referrer} (a page reached from a share link must not learn the
 * link) and Spring Security's {@code Cache-Control: no-cache, no-store, ...}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** The roles that may create, change or revoke resources and shares. */
    static final String[] SHARING_ROLES = OrganizationRoles.SHARING.toArray(String[]::new);

    @Bean
    SessionCookieBearerTokenResolver sessionCookieBearerTokenResolver(JwtDecoder decoder) {
        return new SessionCookieBearerTokenResolver(decoder);
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, SessionCookieBearerTokenResolver tokens) throws Exception {
        ShareflowSecurity.apply(http)
                .oauth2ResourceServer(resourceServer -> resourceServer.bearerTokenResolver(tokens))
                .headers(headers -> headers.referrerPolicy(policy -> policy.policy(ReferrerPolicy.NO_REFERRER)))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/v1/links/*").permitAll()
                        // Changing, revoking and re-sending a share: the sharer, an admin or a manager of the
                        // resource, whatever their role in the organisation; the share domain decides.
                        .requestMatchers(HttpMethod.POST, "/v1/shares/*/notifications").authenticated()
                        .requestMatchers(HttpMethod.PATCH, "/v1/shares/*").authenticated()
                        .requestMatchers(HttpMethod.DELETE, "/v1/shares/*").authenticated()
                        .requestMatchers(HttpMethod.POST, "/v1/resources", "/v1/shares/**").hasAnyRole(SHARING_ROLES)
                        .requestMatchers(HttpMethod.PATCH, "/v1/shares/**").hasAnyRole(SHARING_ROLES)
                        .requestMatchers(HttpMethod.DELETE, "/v1/shares/**").hasAnyRole(SHARING_ROLES)
                        .anyRequest().authenticated());
        return http.build();
    }
}
