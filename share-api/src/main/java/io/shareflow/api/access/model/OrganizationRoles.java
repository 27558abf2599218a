package io.shareflow.api.access.model;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.shareflow.domain.NotFound;

/**
 * The roles of an organisation's users, as DESIGN.md "Authentication" names them: the sharing roles may create
 * (and change) shares; every role, {@code viewer} included, makes a member who may read the organisation's
 * catalogue and shares. A signed-in user with none of them (a recipient who registered: a guest) is not a member
 * and sees only what is shared with them.
 */
public final class OrganizationRoles {

    /** May create, change or revoke resources and shares, and read a share's activity. */
    public static final Set<String> SHARING = Set.of("admin", "producer-admin", "producer-user", "sales-agent");

    /** The organisation's administrators: they change its sharing policy and any of its shares. */
    public static final Set<String> ADMIN = Set.of("admin", "producer-admin");

    /** Members of the organisation: the sharing roles and {@code viewer}. */
    public static final Set<String> MEMBER = Stream.concat(SHARING.stream(), Stream.of("viewer"))
            .collect(Collectors.toUnmodifiableSet());

    private OrganizationRoles() {
    }

    /**
     * For reads of the organisation's catalogue and shares: a guest is told they do not exist, as for another
     * organisation's things (DESIGN.md: "everything else of the organisation is 404 to them").
     *
     * @param what what was asked for, e.g. {@code "Share"}
     * @throws NotFound when the roles make no member
     */
    public static void requireMember(Set<String> roles, String what) {
        if (!isMember(roles)) {
            throw new NotFound(what + " not found.");
        }
    }

    /** Whether a user with these roles may create and change resources and shares, and read a share's activity. */
    public static boolean isSharing(Collection<String> roles) {
        return roles.stream().anyMatch(SHARING::contains);
    }

    /** Whether a user with these roles administers their organisation ({@link #ADMIN}). */
    public static boolean isAdmin(Collection<String> roles) {
        return roles.stream().anyMatch(ADMIN::contains);
    }

    /** Whether a user with these roles is a member of their organisation. */
    public static boolean isMember(Collection<String> roles) {
        return roles.stream().anyMatch(MEMBER::contains);
    }
}
