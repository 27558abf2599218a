package io.shareflow.support.security;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * The authenticated caller, read from the bearer token's claims.
 *
 * <p>In a controller, declare a {@code CurrentUser} parameter (401 when there is no valid caller) or an
 * {@code Optional<CurrentUser>} parameter (empty for anonymous callers of public endpoints).
 *
 * @param userId         claim {@code sub}; not null
 * @param organizationId claim {@code org}; not null
 * @param email          claim {@code email}; null when absent; at most {@link #MAX_EMAIL_LENGTH} characters in a
 *                       verified token
 * @param name           claim {@code name}; null when absent; at most {@link #MAX_NAME_LENGTH} characters in a
 *                       verified token
 * @param roles          claim {@code roles}, e.g. {@code producer-admin}; never null (empty when absent), unmodifiable
 */
public record CurrentUser(UUID userId, UUID organizationId, String email, String name, Set<String> roles) {

    /**
     * The longest {@code name} a token may carry (else 401): it fits every column a caller's name reaches (share-api's
     * sharer, opener and policy-changer names hold 255, share-notifier's Reply-To name 500), and it is the bound of the
     * names user-provisioner keeps ({@code display_name}, 200), so a name is never too long for one place only.
     */
    public static final int MAX_NAME_LENGTH = 200;

    /**
     * The longest {@code email} a token may carry (else 401): the longest address SMTP can deliver to (RFC 5321's
     * 256-octet path less its angle brackets), which every e-mail column holds (share-api's and share-notifier's 320,
     * user-provisioner's 254).
     */
    public static final int MAX_EMAIL_LENGTH = 254;

    public CurrentUser {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(organizationId, "organizationId");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /**
     * Reads the caller from a verified token.
     *
     * @param jwt a decoded, verified token; not null
     * @return never null
     * @throws InvalidBearerTokenException (an {@code AuthenticationException}, hence 401) when {@code sub} or
     *                                     {@code org} is missing or not a UUID
     */
    public static CurrentUser from(Jwt jwt) {
        Objects.requireNonNull(jwt, "jwt");
        UUID userId = Claims.uuid(jwt, Claims.SUBJECT);
        UUID organizationId = Claims.uuid(jwt, Claims.ORGANIZATION);
        if (userId == null || organizationId == null) {
            throw new InvalidBearerTokenException("The token's sub and org claims must be UUIDs");
        }
        return new CurrentUser(userId, organizationId, jwt.getClaimAsString(Claims.EMAIL),
                jwt.getClaimAsString(Claims.NAME), Claims.roles(jwt));
    }

    /**
     * The caller of the current request, from Spring Security's context.
     *
     * @return empty when the request is anonymous or not authenticated by a JWT; never null
     * @throws InvalidBearerTokenException when the token lacks valid {@code sub}/{@code org} claims
     */
    public static Optional<CurrentUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            return Optional.of(from(jwt));
        }
        return Optional.empty();
    }

    /**
     * @param candidates role names as in the token, e.g. {@code "admin"}; none null
     * @return whether the caller has at least one of them
     */
    public boolean hasAnyRole(String... candidates) {
        return Arrays.stream(candidates).anyMatch(roles::contains);
    }
}
