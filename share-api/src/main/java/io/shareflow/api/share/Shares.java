package io.shareflow.api.share;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.shareflow.api.share.model.Audience;
import io.shareflow.api.share.model.Recipient;
import io.shareflow.api.share.model.Role;
import io.shareflow.api.share.model.ShareLinkCreated;
import io.shareflow.api.share.model.ShareRequested;
import io.shareflow.api.share.model.ShareType;
import io.shareflow.api.status.ShareStatuses;
import io.shareflow.api.status.model.Notification;
import io.shareflow.api.status.model.Provisioning;
import io.shareflow.api.status.model.ShareProgress;
import io.shareflow.api.status.model.ShareStatus;
import io.shareflow.domain.EmailAddress;
import io.shareflow.domain.Page;
import io.shareflow.domain.PageRequest;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Shares with people and links (with their recipients), always read within one organisation. */
@Repository
class Shares {

    private final JdbcClient jdbc;

    Shares(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A share's link as stored: sealed, with the share id as context. */
    record SealedLink(UUID shareId, byte[] sealed) {
    }

    /**
     * Records the share a {@link ShareRequested} describes, in its initial state, with its link sealed as in the
     * event.
     *
     * @param requireSignIn the link never opens without sign-in as the recipient
     * @param linkKeyId     the id of the key that sealed {@link ShareRequested#sealedLink()}
     * @param requestedRole the role asked for when the sharing policy lowered it; else null
     */
    void add(ShareRequested share, ShareProgress progress, boolean requireSignIn, byte[] linkTokenHash,
             String linkKeyId, Role requestedRole) {
        jdbc.sql("""
                        insert into share (id, request_id, type, organization_id, resource_id, recipient_email,
                                           recipient_user_id, role, status, provisioning, notification, notify, subject,
                                           message, expires_at, require_sign_in, link_token_hash, link_sealed,
                                           link_key_id, sharer_name, sharer_email, created_by, created_at, updated_at,
                                           requested_at, requested_role)
                        values (:id, :requestId, 'person', :organizationId, :resourceId, :recipientEmail,
                                :recipientUserId, :role, :status, :provisioning, :notification, :notify, :subject,
                                :message, :expiresAt, :requireSignIn, :linkTokenHash, :linkSealed,
                                :linkKeyId, :sharerName, :sharerEmail, :createdBy, :createdAt, :createdAt,
                                :createdAt, :requestedRole)
                        """)
                .param("id", share.shareId())
                .param("requestId", share.requestId())
                .param("organizationId", share.organizationId())
                .param("resourceId", share.resourceId())
                .param("recipientEmail", share.recipientEmail())
                .param("recipientUserId", share.recipientUserId())
                .param("role", share.role().value())
                .param("status", progress.status().name())
                .param("provisioning", progress.provisioning().name())
                .param("notification", progress.notification().name())
                .param("notify", share.notifyRecipient())
                .param("subject", share.subject())
                .param("message", share.message())
                .param("expiresAt", utc(share.expiresAt()))
                .param("requireSignIn", requireSignIn)
                .param("linkTokenHash", linkTokenHash)
                .param("linkSealed", share.sealedLink())
                .param("linkKeyId", linkKeyId)
                .param("sharerName", share.sharerName())
                .param("sharerEmail", share.sharerEmail())
                .param("createdBy", share.sharerUserId())
                .param("createdAt", utc(share.occurredAt()))
                .param("requestedRole", requestedRole == null ? null : requestedRole.value())
                .update();
    }

    /**
     * Records the link a {@link ShareLinkCreated} describes (a share of type link, no recipient of its own), in its
     * initial state, with its URL sealed as in the event, and its recipients with the state of their e-mails.
     *
     * @param passwordHash      the password's slow hash for audience password; else null
     * @param linkKeyId         the id of the key that sealed {@link ShareLinkCreated#sealedLink()}
     * @param recipientsNotified the first state of each recipient's e-mail
     * @param requestedRole     the role asked for when the sharing policy lowered it; else null
     */
    void addLink(ShareLinkCreated link, ShareProgress progress, String passwordHash, byte[] linkTokenHash,
                 String linkKeyId, Notification recipientsNotified, Role requestedRole) {
        jdbc.sql("""
                        insert into share (id, request_id, type, organization_id, resource_id, role, status,
                                           provisioning, notification, notify, subject, message, expires_at, audience,
                                           name, password_hash, link_token_hash, link_sealed, link_key_id, sharer_name,
                                           sharer_email, created_by, created_at, updated_at, requested_at, requested_role)
                        values (:id, :requestId, 'link', :organizationId, :resourceId, :role, :status,
                                :provisioning, :notification, :notify, :subject, :message, :expiresAt, :audience,
                                :name, :passwordHash, :linkTokenHash, :linkSealed, :linkKeyId, :sharerName,
                                :sharerEmail, :createdBy, :createdAt, :createdAt, :createdAt, :requestedRole)
                        """)
                .param("id", link.shareId())
                .param("requestId", link.requestId())
                .param("organizationId", link.organizationId())
                .param("resourceId", link.resourceId())
                .param("role", link.role().value())
                .param("status", progress.status().name())
                .param("provisioning", progress.provisioning().name())
                .param("notification", progress.notification().name())
                .param("notify", link.notifyRecipient())
                .param("subject", link.subject())
                .param("message", link.message())
                .param("expiresAt", utc(link.expiresAt()))
                .param("audience", link.audience().value())
                .param("name", link.name())
                .param("passwordHash", passwordHash)
                .param("linkTokenHash", linkTokenHash)
                .param("linkSealed", link.sealedLink())
                .param("linkKeyId", linkKeyId)
                .param("sharerName", link.sharerName())
                .param("sharerEmail", link.sharerEmail())
                .param("createdBy", link.sharerUserId())
                .param("createdAt", utc(link.occurredAt()))
                .param("requestedRole", requestedRole == null ? null : requestedRole.value())
                .update();
        List<Recipient> recipients = link.recipients();
        for (int position = 0; position < recipients.size(); position++) {
            jdbc.sql("""
                            insert into share_link_recipient (share_id, position, email, user_id, notification, updated_at)
                            values (:shareId, :position, :email, :userId, :notification, :at)
                            """)
                    .param("shareId", link.shareId())
                    .param("position", position)
                    .param("email", recipients.get(position).email())
                    .param("userId", recipients.get(position).userId())
                    .param("notification", recipientsNotified.name())
                    .param("at", utc(link.occurredAt()))
                    .update();
        }
    }

    /** The slow hash of a password link's password; empty for any other share. */
    Optional<String> passwordHash(UUID shareId) {
        return jdbc.sql("select password_hash from share where id = :id and password_hash is not null")
                .param("id", shareId)
                .query(String.class)
                .optional();
    }

    /** The recipients of each of the given links, in their order; links without recipients are left out. */
    Map<UUID, List<LinkRecipientState>> linkRecipients(Collection<UUID> shareIds) {
        if (shareIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<LinkRecipientState>> byShare = new LinkedHashMap<>();
        jdbc.sql("""
                        select share_id, email, user_id, notification from share_link_recipient
                        where share_id in (:ids) order by share_id, position
                        """)
                .param("ids", List.copyOf(shareIds))
                .query((RowCallbackHandler) rs -> byShare.computeIfAbsent(rs.getObject("share_id", UUID.class),
                        id -> new ArrayList<>()).add(new LinkRecipientState(rs.getString("email"),
                        rs.getObject("user_id", UUID.class), Notification.valueOf(rs.getString("notification")))));
        return byShare;
    }

    /** The share as it reads at {@code now} (its status EXPIRED once its expiry passed, see {@link ShareStatus#at}). */
    Optional<ShareView> find(UUID organizationId, UUID shareId, Instant now) {
        return jdbc.sql("select *, " + ShareStatuses.EFFECTIVE_STATUS + """
                         as effective_status from share where id = :id and organization_id = :organizationId""")
                .param("id", shareId)
                .param("organizationId", organizationId)
                .param("now", utc(now))
                .query(Shares::view)
                .optional();
    }

    /**
     * What a change, revoke or re-send of a share needs, its row locked until the transaction ends (so that two of them
     * on one share are applied one after the other); empty when the organisation has no such share.
     */
    Optional<ManagedShare> lock(UUID organizationId, UUID shareId) {
        return jdbc.sql("""
                        select id, type, organization_id, resource_id, recipient_email, role, status, provisioning,
                               notification, audience, expires_at, password_hash is not null as has_password,
                               (select count(*) from share_link_recipient r where r.share_id = share.id) as recipients,
                               created_by, resend_count, subject, message, sharer_name, sharer_email, link_sealed, name,
                               request_id, recipient_user_id
                        from share where id = :id and organization_id = :organizationId
                        for update
                        """)
                .param("id", shareId)
                .param("organizationId", organizationId)
                .query((rs, row) -> new ManagedShare(rs.getObject("id", UUID.class),
                        ShareType.parse(rs.getString("type")).orElseThrow(),
                        rs.getObject("organization_id", UUID.class), rs.getObject("resource_id", UUID.class),
                        rs.getString("recipient_email"), Role.parse(rs.getString("role")).orElseThrow(),
                        ShareProgress.of(ShareStatus.valueOf(rs.getString("status")),
                                Provisioning.valueOf(rs.getString("provisioning")),
                                Notification.valueOf(rs.getString("notification"))),
                        rs.getString("audience") == null ? null : Audience.parse(rs.getString("audience")).orElseThrow(),
                        instant(rs, "expires_at"), rs.getBoolean("has_password"), rs.getInt("recipients"),
                        rs.getObject("created_by", UUID.class), rs.getInt("resend_count"), rs.getString("subject"),
                        rs.getString("message"), rs.getString("sharer_name"), rs.getString("sharer_email"),
                        rs.getBytes("link_sealed"), rs.getString("name"),
                        rs.getObject("request_id", UUID.class), rs.getObject("recipient_user_id", UUID.class)))
                .optional();
    }

    /** The ids of the shares of a resource that are not revoked yet, their rows locked, oldest first. */
    List<UUID> lockUnrevokedOfResource(UUID organizationId, UUID resourceId) {
        return jdbc.sql("""
                        select id from share
                        where organization_id = :organizationId and resource_id = :resourceId and status <> 'REVOKED'
                        order by created_at, id
                        for update
                        """)
                .param("organizationId", organizationId)
                .param("resourceId", resourceId)
                .query(UUID.class)
                .list();
    }

    /**
     * Stores a changed role, expiry, audience and password hash (call with the row locked, {@link #lock}).
     *
     * @param passwordHash  the hash for audience password; null for any other audience and for direct shares
     * @param roleGiven     whether the change named a role: then {@code requestedRole} replaces the one kept
     * @param requestedRole the role asked for when the sharing policy lowered it; null = granted as asked
     */
    void change(UUID shareId, Role role, Instant expiresAt, Audience audience, String passwordHash, boolean roleGiven,
                Role requestedRole, Instant at) {
        jdbc.sql("""
                        update share set role = :role, expires_at = :expiresAt, audience = :audience,
                                         password_hash = :passwordHash,
                                         requested_role = case when :roleGiven then :requestedRole
                                                               else requested_role end,
                                         updated_at = :at
                        where id = :id
                        """)
                .param("id", shareId)
                .param("role", role.value())
                .param("roleGiven", roleGiven)
                .param("requestedRole", requestedRole == null ? null : requestedRole.value())
                .param("expiresAt", utc(expiresAt))
                .param("audience", audience == null ? null : audience.value())
                .param("passwordHash", passwordHash)
                .param("at", utc(at))
                .update();
    }

    /**
     * Counts a re-send of the invitation; returns its attempt number (1 for the first re-send). The share is asked for
     * its outcomes again from {@code at} on: the stuck-share sweep waits from here, and a flag it set is cleared.
     */
    int countResend(UUID shareId, Instant at) {
        return jdbc.sql("""
                        update share set resend_count = resend_count + 1, updated_at = :at, requested_at = :at,
                                         stuck_at = null
                        where id = :id
                        returning resend_count
                        """)
                .param("id", shareId)
                .param("at", utc(at))
                .query(Integer.class)
                .single();
    }

    /** Shares of the organisation matching the filter, newest first. */
    Page<ShareView> search(UUID organizationId, ShareFilter filter, PageRequest page, Instant now) {
        StringBuilder where = new StringBuilder(" where organization_id = :organizationId");
        if (filter.resourceId() != null) {
            where.append(" and resource_id = :resourceId");
        }
        if (filter.status() != null) {
            // As the share reads now: a share past its expiry is EXPIRED before the sweep has stored it.
            where.append(" and " + ShareStatuses.EFFECTIVE_STATUS + " = :status");
        }
        if (filter.recipientEmail() != null) {
            // A direct share's recipient, or one of a link's.
            where.append(" and (lower(recipient_email) = :recipientEmail or exists (select 1 from share_link_recipient r"
                    + " where r.share_id = share.id and lower(r.email) = :recipientEmail))");
        }
        if (filter.type() != null) {
            where.append(" and type = :type");
        }
        long total = params(jdbc.sql("select count(*) from share" + where), organizationId, filter, now)
                .query(Long.class)
                .single();
        var items = params(jdbc.sql("select *, " + ShareStatuses.EFFECTIVE_STATUS + " as effective_status from share"
                        + where + " order by created_at desc, id limit :limit offset :offset"), organizationId, filter, now)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(Shares::view)
                .list();
        return Page.of(items, page, total);
    }

    /**
     * Locks the next links sealed under another key than {@code keyId}, in share id order after {@code after} (the nil
     * UUID: from the start); rows another transaction holds are skipped. Written as two ranges so that the index on
     * {@code link_key_id} finds the few rows under an old key instead of scanning every share.
     */
    List<SealedLink> linksSealedUnderOtherKeys(String keyId, UUID after, int limit) {
        return jdbc.sql("""
                        select id, link_sealed from share
                        where (link_key_id < :keyId or link_key_id > :keyId) and id > :after
                        order by id limit :limit
                        for update skip locked
                        """)
                .param("keyId", keyId)
                .param("after", after)
                .param("limit", limit)
                .query((rs, row) -> new SealedLink(rs.getObject("id", UUID.class), rs.getBytes("link_sealed")))
                .list();
    }

    void updateSealedLink(UUID shareId, byte[] sealed, String keyId) {
        jdbc.sql("update share set link_sealed = :sealed, link_key_id = :keyId where id = :id")
                .param("id", shareId)
                .param("sealed", sealed)
                .param("keyId", keyId)
                .update();
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec statement, UUID organizationId,
                                                   ShareFilter filter, Instant now) {
        return statement.param("organizationId", organizationId)
                .param("now", utc(now))
                .param("resourceId", filter.resourceId())
                .param("status", filter.status() == null ? null : filter.status().name())
                .param("recipientEmail", filter.recipientEmail() == null ? null
                        : EmailAddress.normalized(filter.recipientEmail()))
                .param("type", filter.type() == null ? null : filter.type().value());
    }

    private static ShareView view(ResultSet rs, int row) throws SQLException {
        String audience = rs.getString("audience");
        String requestedRole = rs.getString("requested_role");
        return new ShareView(
                rs.getObject("id", UUID.class),
                rs.getObject("request_id", UUID.class),
                ShareType.parse(rs.getString("type")).orElseThrow(),
                rs.getObject("resource_id", UUID.class),
                rs.getString("recipient_email"),
                rs.getObject("recipient_user_id", UUID.class),
                rs.getObject("created_by", UUID.class),
                Role.parse(rs.getString("role")).orElseThrow(),
                requestedRole == null ? null : Role.parse(requestedRole).orElseThrow(),
                ShareStatus.valueOf(rs.getString("effective_status")),
                Provisioning.valueOf(rs.getString("provisioning")),
                Notification.valueOf(rs.getString("notification")),
                audience == null ? null : Audience.parse(audience).orElseThrow(),
                rs.getString("name"),
                rs.getBoolean("require_sign_in"),
                instant(rs, "expires_at"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                rs.getBytes("link_sealed"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
