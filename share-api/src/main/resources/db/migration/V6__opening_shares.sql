-- Opening shares by their link: who has an account, why a share was rejected, every open, wrong link passwords.

-- Whether the user has an account: registered (UserActivated) or ever seen ACTIVE. Never reset: a user deactivated
-- later keeps it, so a direct share to them never opens anonymously again. Rows from before this migration only tell
-- their latest status; ACTIVE ones have an account.
alter table directory_user add column has_account boolean not null default false;
update directory_user set has_account = true where status = 'ACTIVE';

-- The reason provisioning gave for refusing the recipient (RecipientRejected.reason, safe to show): the share's link
-- answers 410 and the page says why. Earlier rejections are read back from their history entry.
alter table share add column rejection_reason varchar(1000);
update share
set rejection_reason = history.reason
from (select distinct on (share_id) share_id, substring(cause from '^RecipientRejected\((.*)\)$') as reason
      from share_history
      where cause like 'RecipientRejected(%'
      order by share_id, id) history
where share.id = history.share_id
  and share.provisioning = 'REJECTED';

-- Every attempt to open a share by its link, let in or refused (GET /v1/shares/{id}/activity). outcome: OPENED or the
-- refusal (WRONG_PASSWORD, OUTSIDE_AUDIENCE, ...); the user as their token named them, null = anonymous.
create table share_open (
    id         bigint       generated always as identity primary key,
    share_id   uuid         not null references share (id),
    at         timestamptz  not null,
    outcome    varchar(30)  not null,
    channel    varchar(10)  not null check (channel in ('api', 'page')),
    user_id    uuid,
    user_email varchar(320),
    user_name  varchar(255)
);
create index share_open_share_idx on share_open (share_id, at desc, id desc);

-- Wrong passwords given for a password link, for the lockout (5 within 15 minutes by default). Kept in the database
-- so that the lockout holds across instances; rows older than the window are deleted in the background.
create table link_password_failure (
    share_id uuid        not null references share (id),
    at       timestamptz not null
);
create index link_password_failure_share_idx on link_password_failure (share_id, at);
create index link_password_failure_at_idx on link_password_failure (at);
