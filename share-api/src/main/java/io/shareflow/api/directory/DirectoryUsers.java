package io.shareflow.api.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.shareflow.domain.EmailAddress;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The local replica of the user directory. */
@Repository
public class DirectoryUsers {

    private static final String ACTIVE = "ACTIVE";

    private final JdbcClient jdbc;

    DirectoryUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores what an event says about a user, unless a newer event was stored already.
     *
     * @return whether the replica changed
     */
    boolean upsert(DirectoryUser user, Instant occurredAt) {
        boolean active = ACTIVE.equals(user.status());
        boolean changed = jdbc.sql("""
                        insert into directory_user (user_id, organization_id, email_lower, display_name, status, occurred_at,
                                                    has_account)
                        values (:userId, :organizationId, :email, :displayName, :status, :occurredAt, :hasAccount)
                        on conflict (user_id) do update
                            set organization_id = excluded.organization_id,
                                email_lower = excluded.email_lower,
                                display_name = coalesce(excluded.display_name, directory_user.display_name),
                                status = excluded.status,
                                occurred_at = excluded.occurred_at
                            where directory_user.occurred_at <= excluded.occurred_at
                        """)
                .param("userId", user.userId())
                .param("organizationId", user.organizationId())
                .param("email", EmailAddress.normalized(user.email()))
                .param("displayName", user.displayName())
                .param("status", user.status())
                .param("occurredAt", occurredAt.atOffset(ZoneOffset.UTC))
                .param("hasAccount", active)
                .update() == 1;
        if (active) {
            // Whatever order the events come in (an older ACTIVE after a newer DEACTIVATED): once seen, kept.
            changed |= jdbc.sql("update directory_user set has_account = true where user_id = :userId and not has_account")
                    .param("userId", user.userId())
                    .update() == 1;
        }
        return changed;
    }

    /**
     * The users who have an account (registered, or ever seen {@code ACTIVE}; see {@code has_account}) with this id or
     * this address: the account of a direct share's recipient, if any.
     *
     * @param userId may be null
     * @param email  any case; may be null
     */
    public List<DirectoryUser> withAccount(UUID userId, String email) {
        if (userId == null && email == null) {
            return List.of();
        }
        return jdbc.sql("""
                        select * from directory_user
                        where has_account and (user_id = :userId or email_lower = :email)
                        order by user_id
                        """)
                .param("userId", userId)
                .param("email", email == null ? null : EmailAddress.normalized(email))
                .query(DirectoryUsers::user)
                .list();
    }

    public Optional<DirectoryUser> find(UUID userId) {
        return jdbc.sql("select * from directory_user where user_id = :userId")
                .param("userId", userId)
                .query(DirectoryUsers::user)
                .optional();
    }

    /**
     * The display names of these users, as far as the replica knows them.
     *
     * @return user id to display name; users unknown or without a name are absent
     */
    public Map<UUID, String> displayNames(Collection<UUID> userIds) {
        Map<UUID, String> names = new HashMap<>();
        if (userIds.isEmpty()) {
            return names;
        }
        jdbc.sql("select user_id, display_name from directory_user where user_id in (:ids) and display_name is not null")
                .param("ids", List.copyOf(userIds))
                .query((RowCallbackHandler) rs -> names.put(rs.getObject("user_id", UUID.class),
                        rs.getString("display_name")));
        return names;
    }

    private static DirectoryUser user(ResultSet rs, int row) throws SQLException {
        return new DirectoryUser(rs.getObject("user_id", UUID.class), rs.getObject("organization_id", UUID.class),
                rs.getString("email_lower"), rs.getString("display_name"), rs.getString("status"));
    }

    /**
     * The organisations of the known users with these addresses (normally one each).
     *
     * @param addresses lower-case e-mail addresses
     * @return lower-case address to organisations; addresses of no known user are absent
     */
    public Map<String, Set<UUID>> organizationsByAddress(Collection<String> addresses) {
        Map<String, Set<UUID>> organizations = new HashMap<>();
        if (addresses.isEmpty()) {
            return organizations;
        }
        jdbc.sql("select email_lower, organization_id from directory_user where email_lower in (:addresses)")
                .param("addresses", addresses)
                .query((rs, row) -> Map.entry(rs.getString("email_lower"), rs.getObject("organization_id", UUID.class)))
                .list()
                .forEach(user -> organizations.computeIfAbsent(user.getKey(), a -> new HashSet<>()).add(user.getValue()));
        return organizations;
    }
}
