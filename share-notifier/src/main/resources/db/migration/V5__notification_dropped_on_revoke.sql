-- A revoked share's e-mails are not sent any more (issue 13): on ShareRevoked the notifier drops every row of that
-- share still waiting to be sent (PENDING, also while waiting for a retry), and an attempt under way when the share
-- was revoked is not retried.
--
-- DROPPED  the share was revoked before the e-mail went out (terminal, nothing reported: the share is REVOKED)
alter table notification drop constraint notification_state_check;
alter table notification add constraint notification_state_check
    check (state in ('PENDING', 'SENDING', 'SENT', 'FAILED', 'DROPPED'));

alter table notification drop constraint notification_final_holds_no_link;
alter table notification add constraint notification_final_holds_no_link
    check (state not in ('SENT', 'FAILED', 'DROPPED') or (link_sealed is null and text_body is null and html_body is null));

alter table notification drop constraint notification_has_content;
alter table notification add constraint notification_has_content
    check (state in ('SENT', 'FAILED', 'DROPPED')
        or (invitation is not null and link_sealed is not null)
        or (subject is not null and text_body is not null and html_body is not null));

-- The shares revoked (ShareRevoked), so that an attempt that was under way when its share was revoked, and fails
-- transiently, is dropped instead of retried.
create table revoked_share (
    share_id   uuid        primary key,
    revoked_at timestamptz not null default now()
);
