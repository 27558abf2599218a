-- At-least-once delivery (issue 14). A dispatch worker no longer commits an attempt as SENDING before it talks SMTP:
-- it claims a batch of due rows by locking them (FOR UPDATE SKIP LOCKED) in one transaction, sends them over its
-- SMTP connection and records every outcome in that same transaction. A crash rolls the batch back and its rows are
-- PENDING, due, at once; they are sent again with the same Message-ID. So nothing about an attempt is committed before
-- its outcome, and there is no SENDING state any more.
--
-- A row still SENDING was claimed by the previous version and its outcome is unknown (its instance died mid-attempt):
-- it is due again now, to be sent again with the same Message-ID (its attempt stays counted). Stop every instance of
-- the previous version before this migration runs: one of them would still try to write SENDING.
update notification
set state = 'PENDING', next_attempt_at = now(), updated_at = now()
where state = 'SENDING';

alter table notification drop constraint notification_state_check;
alter table notification add constraint notification_state_check
    check (state in ('PENDING', 'SENT', 'FAILED', 'DROPPED'));

drop index notification_sending_idx;
alter table notification drop column claimed_at;
