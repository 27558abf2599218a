package io.shareflow.api.policy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import io.shareflow.api.policy.model.PolicyChange;
import io.shareflow.api.policy.model.SharingPolicy;
import io.shareflow.domain.Page;
import io.shareflow.domain.PageRequest;
import io.shareflow.support.web.StoredJson;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The history of the organisations' sharing policies; the policies before and after as the API's JSON. */
@Repository
class SharingPolicyChanges {

    private final JdbcClient jdbc;
    private final StoredJson json;

    SharingPolicyChanges(JdbcClient jdbc, StoredJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void add(UUID organizationId, PolicyChange change) {
        jdbc.sql("""
                        insert into sharing_policy_change (organization_id, changed_at, changed_by, changed_by_name,
                                                           changed_by_email, before, after)
                        values (:organizationId, :changedAt, :changedBy, :name, :email, cast(:before as jsonb),
                                cast(:after as jsonb))
                        """)
                .param("organizationId", organizationId)
                .param("changedAt", change.changedAt().atOffset(ZoneOffset.UTC))
                .param("changedBy", change.changedBy().userId())
                .param("name", change.changedBy().name())
                .param("email", change.changedBy().email())
                .param("before", json.write(change.before()))
                .param("after", json.write(change.after()))
                .update();
    }

    /** Newest first: one organisation's changes follow one another (its policy row is locked), so in id order. */
    Page<PolicyChange> page(UUID organizationId, PageRequest page) {
        long total = jdbc.sql("select count(*) from sharing_policy_change where organization_id = :organizationId")
                .param("organizationId", organizationId)
                .query(Long.class)
                .single();
        var items = jdbc.sql("""
                        select * from sharing_policy_change where organization_id = :organizationId
                        order by id desc limit :limit offset :offset
                        """)
                .param("organizationId", organizationId)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(this::change)
                .list();
        return Page.of(items, page, total);
    }

    private PolicyChange change(ResultSet rs, int row) throws SQLException {
        return new PolicyChange(rs.getObject("changed_at", OffsetDateTime.class).toInstant(),
                new PolicyChange.Changer(rs.getObject("changed_by", UUID.class), rs.getString("changed_by_name"),
                        rs.getString("changed_by_email")),
                json.read(rs.getString("before"), SharingPolicy.class),
                json.read(rs.getString("after"), SharingPolicy.class));
    }
}
