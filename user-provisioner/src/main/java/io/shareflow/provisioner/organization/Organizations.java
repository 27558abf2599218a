package io.shareflow.provisioner.organization;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The organisations table. */
@Repository
public class Organizations {

    private final JdbcClient jdbc;

    Organizations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Organization organization) {
        jdbc.sql("insert into organization (id, name, created_at) values (:id, :name, :createdAt)")
                .param("id", organization.id())
                .param("name", organization.name())
                .param("createdAt", OffsetDateTime.ofInstant(organization.createdAt(), ZoneOffset.UTC))
                .update();
    }

    public Optional<Organization> findById(UUID id) {
        return jdbc.sql("select id, name, created_at from organization where id = :id")
                .param("id", id)
                .query((rs, row) -> new Organization(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** Whether an organisation with this id exists. */
    public boolean exists(UUID id) {
        return jdbc.sql("select exists (select 1 from organization where id = :id)")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }
}
