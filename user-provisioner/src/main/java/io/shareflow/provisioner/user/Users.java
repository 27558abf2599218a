package io.shareflow.provisioner.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.shareflow.domain.EmailAddress;
import io.shareflow.provisioner.user.model.User;
import io.shareflow.provisioner.user.model.UserStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The users table ({@code app_user}: {@code user} is reserved in SQL). */
@Repository
public class Users {

    private static final String COLUMNS = "id, organization_id, email, display_name, status, created_at, updated_at";

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the user unless its e-mail address is taken (ignoring case). Safe under concurrency:
     * of two transactions inserting the same address, the second waits for the first and inserts
     * nothing if it commits.
     *
     * @return whether the user was inserted
     */
    public boolean insertIfEmailFree(User user) {
        return jdbc.sql("""
                        insert into app_user (id, organization_id, email, display_name, status, created_at, updated_at)
                        values (:id, :organizationId, :email, :displayName, :status, :createdAt, :updatedAt)
                        on conflict (lower(email)) do nothing
                        """)
                .param("id", user.id())
                .param("organizationId", user.organizationId())
                .param("email", user.email().value())
                .param("displayName", user.displayName())
                .param("status", user.status().name())
                .param("createdAt", timestamp(user.createdAt()))
                .param("updatedAt", timestamp(user.updatedAt()))
                .update() == 1;
    }

    public Optional<User> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from app_user where id = :id")
                .param("id", id)
                .query(Users::map)
                .optional();
    }

    /** Locks the user's row until the end of the transaction. */
    public Optional<User> findByIdForUpdate(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from app_user where id = :id for update")
                .param("id", id)
                .query(Users::map)
                .optional();
    }

    /** The user with this address ignoring case; the argument need not be a valid address. */
    public Optional<User> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from app_user where lower(email) = lower(:email)")
                .param("email", email.strip())
                .query(Users::map)
                .optional();
    }

    /**
     * The user with this address ignoring case, with its password hash (null until it registers, and for users who
     * sign in elsewhere); the argument need not be a valid address.
     */
    public Optional<UserCredentials> findCredentialsByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + ", password_hash from app_user where lower(email) = lower(:email)")
                .param("email", email.strip())
                .query((rs, row) -> new UserCredentials(map(rs, row), rs.getString("password_hash")))
                .optional();
    }

    /**
     * A page of users, oldest first.
     *
     * @param organizationId only this organisation's users; null for all
     * @param email          only the user with this address ignoring case; null for any
     */
    List<User> find(UUID organizationId, String email, long offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from app_user" + where(organizationId, email)
                        + " order by created_at, id offset :offset limit :limit")
                .params(filter(organizationId, email, offset, limit))
                .query(Users::map)
                .list();
    }

    long count(UUID organizationId, String email) {
        return jdbc.sql("select count(*) from app_user" + where(organizationId, email))
                .params(filter(organizationId, email, 0, 0))
                .query(Long.class)
                .single();
    }

    /** Stores the state of a user after registration, with its password hash. */
    public void saveActivated(User user, String passwordHash) {
        jdbc.sql("""
                        update app_user set status = :status, display_name = :displayName,
                               password_hash = :passwordHash, updated_at = :updatedAt
                        where id = :id
                        """)
                .param("id", user.id())
                .param("status", user.status().name())
                .param("displayName", user.displayName())
                .param("passwordHash", passwordHash)
                .param("updatedAt", timestamp(user.updatedAt()))
                .update();
    }

    private static String where(UUID organizationId, String email) {
        StringBuilder sql = new StringBuilder(" where true");
        if (organizationId != null) {
            sql.append(" and organization_id = :organizationId");
        }
        if (email != null) {
            sql.append(" and lower(email) = lower(:email)");
        }
        return sql.toString();
    }

    private static Map<String, Object> filter(UUID organizationId, String email, long offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("organizationId", organizationId);
        params.put("email", email == null ? null : email.strip());
        params.put("offset", offset);
        params.put("limit", limit);
        return params;
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static User map(ResultSet rs, int row) throws SQLException {
        return new User(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                EmailAddress.stored(rs.getString("email")),
                rs.getString("display_name"),
                UserStatus.valueOf(rs.getString("status")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
