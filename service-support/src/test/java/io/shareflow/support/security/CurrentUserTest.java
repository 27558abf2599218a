package io.shareflow.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class CurrentUserTest {

    static final UUID USER = UUID.randomUUID();
    static final UUID ORG = UUID.randomUUID();

    @AfterEach
    void clearContext() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void readsAllClaims() {
        CurrentUser user = CurrentUser.from(jwt(Map.of("sub", USER.toString(), "org", ORG.toString(),
                "email", "ada@example.com", "name", "Ada", "roles", List.of("producer-admin", "viewer"))));

        assertThat(user).isEqualTo(new CurrentUser(USER, ORG, "ada@example.com", "Ada",
                java.util.Set.of("producer-admin", "viewer")));
        assertThat(user.hasAnyRole("admin", "producer-admin")).isTrue();
        assertThat(user.hasAnyRole("admin", "sales-agent")).isFalse();
    }

    @Test
    void optionalClaimsMayBeAbsent() {
        CurrentUser user = CurrentUser.from(jwt(Map.of("sub", USER.toString(), "org", ORG.toString())));

        assertThat(user.email()).isNull();
        assertThat(user.name()).isNull();
        assertThat(user.roles()).isEmpty();
    }

    @Test
    void spaceSeparatedRolesAreAcceptedLikeSpringSecurityDoes() {
        CurrentUser user = CurrentUser.from(jwt(Map.of("sub", USER.toString(), "org", ORG.toString(), "roles", "admin viewer")));

        assertThat(user.roles()).containsExactlyInAnyOrder("admin", "viewer");
    }

    @Test
    void missingOrInvalidIdsAreAnInvalidToken() {
        assertThatThrownBy(() -> CurrentUser.from(jwt(Map.of("sub", USER.toString()))))
                .isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(() -> CurrentUser.from(jwt(Map.of("sub", "ada", "org", ORG.toString()))))
                .isInstanceOf(InvalidBearerTokenException.class);
        // UUID.fromString would accept this abbreviated form; an id must be canonical.
        assertThatThrownBy(() -> CurrentUser.from(jwt(Map.of("sub", USER.toString(), "org", "1-2-3-4-5"))))
                .isInstanceOf(InvalidBearerTokenException.class);
    }

    @Test
    void currentReadsTheSecurityContext() {
        assertThat(CurrentUser.current()).isEmpty();

        Jwt jwt = jwt(Map.of("sub", USER.toString(), "org", ORG.toString(), "roles", List.of("viewer")));
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));

        assertThat(CurrentUser.current()).map(CurrentUser::userId).contains(USER);
    }

    @Test
    void rolesBecomeRoleAuthorities() {
        Jwt jwt = jwt(Map.of("sub", USER.toString(), "org", ORG.toString(), "roles", List.of("producer-admin", "viewer")));

        var authentication = ShareflowSecurity.jwtAuthenticationConverter().convert(jwt);

        assertThat(authentication.getName()).isEqualTo(USER.toString());
        // Spring Security 7 adds a FACTOR_BEARER authority of its own; the roles are ours.
        assertThat(authentication.getAuthorities()).extracting(a -> a.getAuthority())
                .filteredOn(a -> a.startsWith("ROLE_"))
                .containsExactlyInAnyOrder("ROLE_producer-admin", "ROLE_viewer");
    }

    static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("token").header("alg", "HS256")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(builder::claim);
        return builder.build();
    }
}
