package io.shareflow.api.access;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The shares that grant a user a role on a resource, read from the share table (roles as lower-case text). */
@Repository
class ShareGrants {

    private final JdbcClient jdbc;

    ShareGrants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The highest role of the direct shares (type person) of the resource to the user that grant at {@code now}. */
    Optional<String> highestDirectRole(UUID organizationId, UUID resourceId, UUID userId, String email, Instant now) {
        return jdbc.sql("""
                        select role from share
                        where organization_id = :organizationId and resource_id = :resourceId and type = 'person'
                          and status not in ('REVOKED', 'REJECTED', 'EXPIRED')
                          and (expires_at is null or expires_at > :now)
                          and (recipient_user_id = :userId or lower(recipient_email) = lower(cast(:email as varchar)))
                        order by case role when 'manager' then 4 when 'contributor' then 3 when 'downloader' then 2
                                 else 1 end desc
                        limit 1
                        """)
                .param("organizationId", organizationId)
                .param("resourceId", resourceId)
                .param("userId", userId)
                .param("email", email)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query(String.class)
                .optional();
    }
}
