package io.shareflow.provisioner.user;

import java.util.Objects;

import io.shareflow.provisioner.user.model.User;

/**
 * A user with its password hash, for checking a password; never rendered. {@code toString} hides the hash.
 *
 * @param user         never null
 * @param passwordHash the BCrypt hash; null until the user registers, and for users who sign in elsewhere
 */
public record UserCredentials(User user, String passwordHash) {

    public UserCredentials {
        Objects.requireNonNull(user, "user");
    }

    @Override
    public String toString() {
        return "UserCredentials[user=" + user.id() + ", passwordHash=" + (passwordHash == null ? "none" : "***") + "]";
    }
}
