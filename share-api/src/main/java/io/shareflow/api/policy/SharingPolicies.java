package io.shareflow.api.policy;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.shareflow.api.policy.model.SharingPolicy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The organisations' sharing policies: what every create (and change) of a share or link is checked against. An
 * organisation without a policy of its own has {@link SharingPolicy#DEFAULT}.
 */
@Repository
public class SharingPolicies {

    private final JdbcClient jdbc;

    SharingPolicies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The organisation's policy; the default when it has none. Never null. */
    public SharingPolicy of(UUID organizationId) {
        return find(organizationId, "").orElse(SharingPolicy.DEFAULT);
    }

    /**
     * The policy as it is, its row locked until the transaction ends (written as the default first when there is
     * none), so that changes of one organisation's policy follow one another and each history entry's "before" is
     * what the change replaced.
     */
    SharingPolicy lockForChange(UUID organizationId) {
        SharingPolicy initial = SharingPolicy.DEFAULT;
        jdbc.sql("""
                        insert into sharing_policy (organization_id, max_role, allowed_recipient_domains, link_audiences,
                                                    max_expiry_days, require_expiry)
                        values (:organizationId, :maxRole, string_to_array(:domains, ','),
                                string_to_array(:audiences, ','), :maxExpiryDays, :requireExpiry)
                        on conflict (organization_id) do nothing
                        """)
                .params(params(organizationId, initial))
                .update();
        return find(organizationId, " for update").orElseThrow();
    }

    void save(UUID organizationId, SharingPolicy policy) {
        jdbc.sql("""
                        update sharing_policy
                        set max_role = :maxRole, allowed_recipient_domains = string_to_array(:domains, ','),
                            link_audiences = string_to_array(:audiences, ','), max_expiry_days = :maxExpiryDays,
                            require_expiry = :requireExpiry
                        where organization_id = :organizationId
                        """)
                .params(params(organizationId, policy))
                .update();
    }

    private Optional<SharingPolicy> find(UUID organizationId, String lock) {
        return jdbc.sql("select * from sharing_policy where organization_id = :organizationId" + lock)
                .param("organizationId", organizationId)
                .query(SharingPolicies::policy)
                .optional();
    }

    /** Domains and audiences never hold a comma (both are checked), so a joined text is their array's input. */
    private static Map<String, Object> params(UUID organizationId, SharingPolicy policy) {
        Map<String, Object> params = new HashMap<>();
        params.put("organizationId", organizationId);
        params.put("maxRole", policy.maxRole());
        params.put("domains", String.join(",", policy.allowedRecipientDomains()));
        params.put("audiences", String.join(",", policy.linkAudiences()));
        params.put("maxExpiryDays", policy.maxExpiryDays());
        params.put("requireExpiry", policy.requireExpiry());
        return params;
    }

    private static SharingPolicy policy(ResultSet rs, int row) throws SQLException {
        return new SharingPolicy(rs.getString("max_role"), texts(rs.getArray("allowed_recipient_domains")),
                texts(rs.getArray("link_audiences")), rs.getObject("max_expiry_days", Integer.class),
                rs.getBoolean("require_expiry"));
    }

    private static List<String> texts(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
