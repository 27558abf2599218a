package io.shareflow.api.opening;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import io.shareflow.domain.Page;
import io.shareflow.domain.PageRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every attempt to open a share by its link: the share's activity. */
@Repository
class ShareOpens {

    private static final int MAX_EMAIL = 320;
    private static final int MAX_NAME = 255;

    private final JdbcClient jdbc;

    ShareOpens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One attempt.
     *
     * @param outcome {@code OPENED} or the refusal
     * @param userId  the signed-in user; null = anonymous (and then email and name are null too)
     */
    record ShareOpen(Instant at, String outcome, String channel, UUID userId, String email, String name) {
    }

    void add(UUID shareId, ShareOpen open) {
        jdbc.sql("""
                        insert into share_open (share_id, at, outcome, channel, user_id, user_email, user_name)
                        values (:shareId, :at, :outcome, :channel, :userId, :email, :name)
                        """)
                .param("shareId", shareId)
                .param("at", open.at().atOffset(ZoneOffset.UTC))
                .param("outcome", open.outcome())
                .param("channel", open.channel())
                .param("userId", open.userId())
                // Claims of a token, whatever their length: cut to the columns rather than fail the open.
                .param("email", cut(open.email(), MAX_EMAIL))
                .param("name", cut(open.name(), MAX_NAME))
                .update();
    }

    /** The share's opens, newest first. */
    Page<ShareOpen> page(UUID shareId, PageRequest page) {
        long total = jdbc.sql("select count(*) from share_open where share_id = :shareId")
                .param("shareId", shareId)
                .query(Long.class)
                .single();
        var items = jdbc.sql("""
                        select * from share_open where share_id = :shareId
                        order by at desc, id desc
                        limit :limit offset :offset
                        """)
                .param("shareId", shareId)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, row) -> new ShareOpen(rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("outcome"), rs.getString("channel"), rs.getObject("user_id", UUID.class),
                        rs.getString("user_email"), rs.getString("user_name")))
                .list();
        return Page.of(items, page, total);
    }

    /** Whether the share exists in the organisation. */
    boolean exists(UUID organizationId, UUID shareId) {
        return jdbc.sql("select exists (select 1 from share where id = :shareId and organization_id = :organizationId)")
                .param("shareId", shareId)
                .param("organizationId", organizationId)
                .query(Boolean.class)
                .single();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
