package io.shareflow.support.security;

import jakarta.servlet.DispatcherType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.util.Assert;

/**
 * The part of every service's security set-up that is the same everywhere. A service's own filter chain
 * starts with {@link #apply(HttpSecurity)} and then adds its authorization rules:
 *
 * <pre>{@code
 * @Bean
 * SecurityFilterChain api(HttpSecurity http) throws Exception {
 *     ShareflowSecurity.apply(http)
 *         .authorizeHttpRequests(requests -> requests
 *             .requestMatchers(HttpMethod.POST, "/v1/shares/**").hasAnyRole("admin", "producer-admin")
 *             .anyRequest().authenticated());
 *     return http.build();
 * }
 * }</pre>
 */
public final class ShareflowSecurity {

    /** Actuator endpoints open to anyone (probes and the Prometheus scraper carry no token). */
    public static final String[] PUBLIC_ACTUATOR_PATHS = {
            "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus"};

    /**
     * The OpenAPI document and Swagger UI (springdoc), open to anyone on every service: they describe the API, they
     * hold nothing of anyone's.
     */
    public static final String[] PUBLIC_API_DOC_PATHS = {
            "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**"};

    /** Prefix of the authorities made from the {@code roles} claim, so {@code hasRole("admin")} works. */
    public static final String ROLE_PREFIX = "ROLE_";

    private ShareflowSecurity() {
    }

    /**
     * Configures a stateless bearer-JWT resource server: no session, no CSRF (no cookies to forge), no
     * logout or request cache; the {@code roles} claim as {@code ROLE_*} authorities; 401/403 answered with
     * the error envelope; {@link #PUBLIC_ACTUATOR_PATHS} and error dispatches permitted.
     *
     * <p>Call it <em>before</em> your own {@code authorizeHttpRequests(...)}: the rules added here come first
     * and yours (ending with {@code anyRequest()}) after them.
     *
     * @param http the builder of the service's filter chain; not null
     * @return {@code http}, for chaining
     * @throws IllegalStateException if the context has no {@link JwtDecoder}, i.e. neither
     *                               {@code shareflow.security.jwt.hmac-secret} nor a JWK set / issuer URI is set
     */
    public static HttpSecurity apply(HttpSecurity http) {
        ApplicationContext context = contextOf(http);
        if (context.getBeanProvider(JwtDecoder.class).getIfAvailable() == null) {
            throw new IllegalStateException("No JwtDecoder: set shareflow.security.jwt.hmac-secret"
                    + " (SHAREFLOW_SECURITY_JWT_HMAC_SECRET) or spring.security.oauth2.resourceserver.jwt.jwk-set-uri / issuer-uri");
        }
        JwtAuthenticationConverter converter = context.getBeanProvider(JwtAuthenticationConverter.class)
                .getIfUnique(ShareflowSecurity::jwtAuthenticationConverter);
        applyWithoutTokens(http);
        return http.oauth2ResourceServer(resourceServer -> resourceServer
                .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                .authenticationEntryPoint(entryPoint(context))
                .accessDeniedHandler(deniedHandler(context)));
    }

    /**
     * Everything {@link #apply} does except accepting bearer tokens: for a service that has no JWT settings,
     * whose only open doors are then the public actuator and API document paths.
     */
    static HttpSecurity applyWithoutTokens(HttpSecurity http) {
        ApplicationContext context = contextOf(http);
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint(context))
                        .accessDeniedHandler(deniedHandler(context)))
                .authorizeHttpRequests(requests -> requests
                        // Error dispatches render an error that was already authorized (or is a 401/403 itself).
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(PUBLIC_ACTUATOR_PATHS).permitAll()
                        .requestMatchers(PUBLIC_API_DOC_PATHS).permitAll());
    }

    private static ApplicationContext contextOf(HttpSecurity http) {
        ApplicationContext context = http.getSharedObject(ApplicationContext.class);
        Assert.state(context != null, "HttpSecurity has no ApplicationContext");
        return context;
    }

    private static AuthenticationEntryPoint entryPoint(ApplicationContext context) {
        return context.getBeanProvider(AuthenticationEntryPoint.class)
                .getIfUnique(() -> new EnvelopeAuthenticationEntryPoint(writer(context)));
    }

    private static AccessDeniedHandler deniedHandler(ApplicationContext context) {
        return context.getBeanProvider(AccessDeniedHandler.class)
                .getIfUnique(() -> new EnvelopeAccessDeniedHandler(writer(context)));
    }

    private static SecurityErrorWriter writer(ApplicationContext context) {
        return new SecurityErrorWriter(context.getBeanProvider(JsonMapper.class).getIfUnique(JsonMapper::shared));
    }

    /**
     * The converter from a verified token to an authentication: principal name = {@code sub}, authorities =
     * {@code ROLE_<role>} for each entry of the {@code roles} claim.
     *
     * @return a new converter, never null
     */
    public static JwtAuthenticationConverter jwtAuthenticationConverter() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(Claims.ROLES);
        authorities.setAuthorityPrefix(ROLE_PREFIX);
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        converter.setPrincipalClaimName(Claims.SUBJECT);
        return converter;
    }
}
