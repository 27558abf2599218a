package io.shareflow.support.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.oauth2.jwt.Jwt;

/** The claims shareflow's tokens carry, and lenient readers for them. */
final class Claims {

    static final String SUBJECT = "sub";
    static final String ORGANIZATION = "org";
    static final String EMAIL = "email";
    static final String NAME = "name";
    static final String ROLES = "roles";

    private Claims() {
    }

    /** @return the claim as a UUID, or null when absent or not a UUID */
    static UUID uuid(Jwt jwt, String claim) {
        Object value = jwt.getClaims().get(claim);
        if (!(value instanceof String text)) {
            return null;
        }
        try {
            UUID uuid = UUID.fromString(text);
            // UUID.fromString accepts abbreviated forms like "1-2-3-4-5"; only the canonical one is an id.
            return uuid.toString().equalsIgnoreCase(text) ? uuid : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * @return the first of {@code name} and {@code email} that is longer than its bound
     *         ({@link CurrentUser#MAX_NAME_LENGTH}, {@link CurrentUser#MAX_EMAIL_LENGTH}), in characters as the
     *         database counts them; empty when both fit or are absent
     */
    static Optional<String> overlong(Jwt jwt) {
        if (length(jwt, NAME) > CurrentUser.MAX_NAME_LENGTH) {
            return Optional.of(NAME);
        }
        if (length(jwt, EMAIL) > CurrentUser.MAX_EMAIL_LENGTH) {
            return Optional.of(EMAIL);
        }
        return Optional.empty();
    }

    private static int length(Jwt jwt, String claim) {
        // As CurrentUser reads it; code points, as PostgreSQL's varchar(n) counts characters.
        String value = jwt.getClaimAsString(claim);
        return value == null ? 0 : value.codePointCount(0, value.length());
    }

    /** @return the roles: an array claim, or a space-separated string as Spring Security also accepts; never null */
    static Set<String> roles(Jwt jwt) {
        Object value = jwt.getClaims().get(ROLES);
        Set<String> roles = new LinkedHashSet<>();
        if (value instanceof Collection<?> collection) {
            collection.stream().filter(r -> r != null).map(String::valueOf).forEach(roles::add);
        } else if (value instanceof String text) {
            for (String role : text.trim().split("\\s+")) {
                if (!role.isEmpty()) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }
}
