package io.shareflow.api.access.model;

import java.util.List;
import java.util.Optional;

/**
 * The roles a share grants on a resource, weakest first: {@code viewer} < {@code downloader} < {@code contributor} <
 * {@code manager}. Lower-case strings, as the API and the database write them, so that {@code access} needs nothing of
 * {@code share}.
 */
public final class AccessRoles {

    /** Weakest first. */
    public static final List<String> IN_ORDER = List.of("viewer", "downloader", "contributor", "manager");

    private AccessRoles() {
    }

    /** 1 for {@code viewer} up to 4 for {@code manager}; 0 for anything else. */
    public static int rank(String role) {
        return role == null ? 0 : IN_ORDER.indexOf(role) + 1;
    }

    /** Whether {@code held} is at least {@code wanted}; nothing ({@code empty}) is below every role. */
    public static boolean atLeast(Optional<String> held, String wanted) {
        return held.map(role -> rank(role) >= rank(wanted) && rank(wanted) > 0).orElse(false);
    }

    /** The higher of two roles; either may be empty. */
    public static Optional<String> higher(Optional<String> a, Optional<String> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return rank(b.get()) > rank(a.get()) ? b : a;
    }
}
