-- The send log: one row per notification to send, keyed by the event that asked for it
-- (ShareRequested or ShareNotificationRequested). A replayed event finds its row and sends nothing.
--
-- PENDING  waiting for its next attempt (next_attempt_at)
-- SENDING  an attempt was recorded and is under way (claimed_at); committed BEFORE the SMTP
--          conversation starts, so a crash leaves the row here rather than forgetting the attempt.
--          A row still SENDING after the in-doubt timeout is resolved as FAILED and never re-sent.
-- SENT     the SMTP server accepted it (terminal)
-- FAILED   permanent error, retries exhausted, or outcome in doubt (terminal)
create table notification (
    event_id        uuid          not null primary key,
    share_id        uuid          not null,
    -- 0 = the original invitation, N = re-send N; part of the deterministic Message-ID.
    resend          integer       not null,
    message_id      varchar(255)  not null,
    recipient_email varchar(320)  not null,
    reply_to_email  varchar(320),
    reply_to_name   varchar(500),
    subject         varchar(500)  not null,
    -- The bodies hold the share link's secret token: erased once the row is terminal.
    text_body       text,
    html_body       text,
    state           varchar(10)   not null check (state in ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null default now(),
    claimed_at      timestamptz,
    last_error      varchar(1000),
    created_at      timestamptz   not null default now(),
    updated_at      timestamptz   not null default now()
);

create index notification_due_idx on notification (next_attempt_at) where state = 'PENDING';
create index notification_sending_idx on notification (claimed_at) where state = 'SENDING';
create index notification_share_idx on notification (share_id);
